-- The default "Proposal accepted" workflow files the project it creates under the engagement it
-- created (engagementId on the project step), so that engagement.projects and the chain
-- proposal -> contract -> engagement -> projects read both ways. New organizations get the new
-- definition; existing default workflows that still have the original project step get the
-- input added (a new version, audited as the migration).

CREATE OR REPLACE FUNCTION ubos_install_default_workflows() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  org uuid := ubos_current_organization();
  added integer;
BEGIN
  IF org IS NULL THEN
    RAISE EXCEPTION 'no tenant set' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO workflows (organization_id, name, description, trigger_event_type, trigger_conditions, steps, enabled, system_key)
  VALUES (org, 'Proposal accepted',
    'When a client accepts a proposal: create the contract, an engagement that links it, a project for the client under that engagement, and welcome the client on their thread.',
    'ProposalAccepted', '[]'::jsonb,
    jsonb_build_array(
      jsonb_build_object('key', 'contract', 'name', 'Create the contract', 'kind', 'CREATE_CONTRACT',
        'input', jsonb_build_object('proposalId', '{{event.payload.proposalId}}')),
      jsonb_build_object('key', 'engagement', 'name', 'Create the engagement', 'kind', 'CREATE_ENGAGEMENT',
        'input', jsonb_build_object('clientId', '{{event.payload.clientId}}', 'contractId', '{{steps.contract.id}}',
                                    'name', '{{event.payload.title}}', 'type', 'FIXED_FEE')),
      jsonb_build_object('key', 'project', 'name', 'Create the project', 'kind', 'CREATE_PROJECT',
        'input', jsonb_build_object('clientId', '{{event.payload.clientId}}', 'name', '{{event.payload.title}}',
                                    'engagementId', '{{steps.engagement.id}}',
                                    'milestones', jsonb_build_array(jsonb_build_object('name', 'Kick-off')),
                                    'tasks', jsonb_build_array(jsonb_build_object('title', 'Hold the kick-off meeting', 'milestone', 'Kick-off')))),
      jsonb_build_object('key', 'welcome', 'name', 'Welcome the client', 'kind', 'POST_MESSAGE',
        'input', jsonb_build_object('clientId', '{{event.payload.clientId}}', 'body', 'Welcome aboard'))
    ),
    true, 'proposal-accepted')
  ON CONFLICT (organization_id, system_key) DO NOTHING;
  GET DIAGNOSTICS added = ROW_COUNT;
  RETURN added;
END $$;
REVOKE ALL ON FUNCTION ubos_install_default_workflows() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ubos_install_default_workflows() TO ubos_dispatcher;

DO $$
DECLARE
  org uuid;
BEGIN
  FOR org IN SELECT DISTINCT organization_id FROM workflows WHERE system_key = 'proposal-accepted' ORDER BY organization_id LOOP
    PERFORM set_config('app.organization_id', org::text, true);
    UPDATE workflows
       SET steps = jsonb_set(steps, '{2,input,engagementId}', '"{{steps.engagement.id}}"'),
           description = 'When a client accepts a proposal: create the contract, an engagement that links it, a project for the client under that engagement, and welcome the client on their thread.',
           updated_at = now()
     WHERE organization_id = org AND system_key = 'proposal-accepted'
       AND steps -> 2 ->> 'key' = 'project' AND steps -> 1 ->> 'key' = 'engagement'
       AND NOT (steps -> 2 -> 'input' ? 'engagementId');
  END LOOP;
  PERFORM set_config('app.organization_id', '', true);
END $$;
