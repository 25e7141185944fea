import { badUserInput } from '../errors.js';

/**
 * What a workflow is made of, shared by this subgraph (which validates definitions) and the
 * worker (which evaluates triggers and renders step inputs): step kinds and their inputs,
 * templates, and trigger conditions. Pure functions, no I/O.
 */
export const STEP_KINDS = ['CREATE_CONTRACT', 'CREATE_ENGAGEMENT', 'CREATE_PROJECT', 'POST_MESSAGE', 'CREATE_INVOICE', 'CALL_WEBHOOK'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** The states of a run and of each of its steps. */
export const RUN_STATUSES = ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** One step of a run, as the worker keeps it in workflow_runs.steps and the graph shows it. */
export interface StepRun {
  key: string;
  name: string;
  kind: StepKind;
  input: Record<string, unknown>;
  status: RunStatus;
  attempts: number;
  error: string | null;
  output: unknown;
  startedAt: string | null;
  finishedAt: string | null;
  /** attempts when the run was last retried: the step's budget of attempts starts again there. */
  attemptsAtRetry?: number;
}

export const CONDITION_OPERATORS = ['EQUALS', 'NOT_EQUALS', 'IN', 'EXISTS', 'GREATER_THAN', 'LESS_THAN'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export interface StepDefinition {
  key: string;
  name: string;
  kind: StepKind;
  input: Record<string, unknown>;
}

export interface ConditionDefinition {
  path: string;
  operator: ConditionOperator;
  value?: unknown;
}

/** What templates and conditions see: the event, the run, and the outputs of earlier steps. */
export interface TemplateContext {
  event: { id: string; type: string; payload: Record<string, unknown>; occurredAt: string; aggregateType?: string; aggregateId?: string };
  run: { id: string };
  steps: Record<string, unknown>;
}

interface InputSpec {
  required: string[];
  optional: string[];
}

/** The inputs each kind takes; anything else is refused, so a typo fails at creation, not at run time. */
export const STEP_INPUTS: Record<StepKind, InputSpec> = {
  CREATE_CONTRACT: { required: ['proposalId'], optional: [] },
  CREATE_ENGAGEMENT: { required: ['clientId', 'name', 'type'], optional: ['contractId', 'projectIds'] },
  CREATE_PROJECT: { required: ['clientId', 'name'], optional: ['description', 'startDate', 'dueDate', 'milestones', 'tasks', 'engagementId'] },
  POST_MESSAGE: { required: ['clientId', 'body'], optional: [] },
  CREATE_INVOICE: { required: ['clientId', 'currency', 'lineItems'], optional: ['dueDate'] },
  CALL_WEBHOOK: { required: ['url'], optional: ['secret', 'data'] },
};

const STEP_KEY = /^[a-z][A-Za-z0-9_]{0,39}$/;
const EVENT_TYPE = /^[A-Z][A-Za-z0-9]{0,99}$/;
const TEMPLATE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const TEMPLATE_PATH = /^(event|run|steps)(\.[A-Za-z0-9_]+)*$/;
const MAX_STEPS = 20;
export const MIN_SECRET_LENGTH = 16;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every template path in a value (strings, lists and objects, deeply). */
export function templatePaths(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(TEMPLATE)].map((match) => match[1]!.trim());
  if (Array.isArray(value)) return value.flatMap(templatePaths);
  if (isObject(value)) return Object.values(value).flatMap(templatePaths);
  return [];
}

function checkTemplates(value: unknown, earlierKeys: Set<string>, field: string): void {
  for (const path of templatePaths(value)) {
    if (!TEMPLATE_PATH.test(path)) throw badUserInput(`${field}: {{${path}}} is not a template path (event.…, run.id or steps.<key>.…)`, field);
    const [root, second] = path.split('.');
    if (root === 'steps' && (!second || !earlierKeys.has(second))) throw badUserInput(`${field}: {{${path}}} names no earlier step`, field);
    if (root === 'run' && path !== 'run.id') throw badUserInput(`${field}: {{${path}}}: a run has only run.id`, field);
  }
}

function checkUrl(value: unknown, field: string): void {
  if (typeof value !== 'string' || templatePaths(value).length > 0) throw badUserInput(`${field} must be a fixed http(s) URL`, field);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badUserInput(`${field} must be an http(s) URL`, field);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badUserInput(`${field} must be an http(s) URL`, field);
  // The worker's SSRF guard refuses these too (and checks the addresses the host resolves to).
  if (url.username || url.password) throw badUserInput(`${field} must not hold credentials: input.secret signs each call`, field);
}

export interface StepInput {
  key: string;
  name?: string | null;
  kind: StepKind;
  input: unknown;
}

/**
 * Checks a workflow's steps and splits off webhook secrets, which are stored apart and never
 * shown. `previousSecrets` keeps a step's secret when an update does not repeat it.
 */
export function validateSteps(
  steps: readonly StepInput[],
  field: string,
  previousSecrets: ReadonlySet<string> = new Set(),
): { steps: StepDefinition[]; secrets: Record<string, string> } {
  if (steps.length === 0) throw badUserInput(`${field} must hold at least one step`, field);
  if (steps.length > MAX_STEPS) throw badUserInput(`${field} may hold at most ${MAX_STEPS} steps`, field);
  const keys = new Set<string>();
  const secrets: Record<string, string> = {};
  const result = steps.map((step, index) => {
    const at = `${field}.${index}`;
    if (!STEP_KEY.test(step.key)) throw badUserInput(`${at}.key must start with a lowercase letter and hold letters, digits or _ (40 at most)`, `${at}.key`);
    if (keys.has(step.key)) throw badUserInput(`${at}.key repeats the key ${step.key}`, `${at}.key`);
    if (!STEP_KINDS.includes(step.kind)) throw badUserInput(`${at}.kind is not a step kind`, `${at}.kind`);
    const name = step.name === undefined || step.name === null ? step.key : step.name.trim();
    if (name.length === 0 || name.length > 200) throw badUserInput(`${at}.name must be 1 to 200 characters`, `${at}.name`);
    if (!isObject(step.input)) throw badUserInput(`${at}.input must be an object`, `${at}.input`);
    const input = { ...step.input };
    const spec = STEP_INPUTS[step.kind];
    for (const name of Object.keys(input)) {
      if (!spec.required.includes(name) && !spec.optional.includes(name)) throw badUserInput(`${at}.input.${name} is not an input of ${step.kind}`, `${at}.input.${name}`);
    }
    for (const name of spec.required) {
      if (input[name] === undefined || input[name] === null || input[name] === '') throw badUserInput(`${at}.input.${name} is required for ${step.kind}`, `${at}.input.${name}`);
    }
    if (step.kind === 'CALL_WEBHOOK') {
      checkUrl(input.url, `${at}.input.url`);
      if (input.secret !== undefined) {
        if (typeof input.secret !== 'string' || input.secret.length < MIN_SECRET_LENGTH || input.secret.length > 200) {
          throw badUserInput(`${at}.input.secret must be ${MIN_SECRET_LENGTH} to 200 characters`, `${at}.input.secret`);
        }
        secrets[step.key] = input.secret;
        delete input.secret;
      } else if (!previousSecrets.has(step.key)) {
        throw badUserInput(`${at}.input.secret is required: it signs each call`, `${at}.input.secret`);
      }
    }
    if (step.kind === 'CREATE_PROJECT') {
      for (const list of ['milestones', 'tasks'] as const) {
        const items = input[list];
        if (items === undefined) continue;
        if (!Array.isArray(items) || items.length > 50) throw badUserInput(`${at}.input.${list} must be a list of at most 50`, `${at}.input.${list}`);
        items.forEach((item, itemIndex) => {
          const label = list === 'milestones' ? 'name' : 'title';
          if (!isObject(item) || typeof item[label] !== 'string' || item[label] === '') throw badUserInput(`${at}.input.${list}.${itemIndex}.${label} is required`, `${at}.input.${list}.${itemIndex}.${label}`);
        });
      }
      const milestoneNames = new Set(((input.milestones as Array<Record<string, unknown>> | undefined) ?? []).map((milestone) => milestone.name));
      ((input.tasks as Array<Record<string, unknown>> | undefined) ?? []).forEach((task, taskIndex) => {
        if (task.milestone !== undefined && !milestoneNames.has(task.milestone)) {
          throw badUserInput(`${at}.input.tasks.${taskIndex}.milestone names no milestone of this step`, `${at}.input.tasks.${taskIndex}.milestone`);
        }
      });
    }
    if (step.kind === 'CREATE_INVOICE' && !Array.isArray(input.lineItems) && !(typeof input.lineItems === 'string' && templatePaths(input.lineItems).length === 1)) {
      throw badUserInput(`${at}.input.lineItems must be a list of line items (or one template)`, `${at}.input.lineItems`);
    }
    for (const [name, value] of Object.entries(input)) checkTemplates(value, keys, `${at}.input.${name}`);
    keys.add(step.key);
    return { key: step.key, name, kind: step.kind, input };
  });
  return { steps: result, secrets };
}

export function validateTrigger(trigger: { eventType: string; conditions?: readonly ConditionDefinition[] | null }, field: string): { eventType: string; conditions: ConditionDefinition[] } {
  if (!EVENT_TYPE.test(trigger.eventType)) throw badUserInput(`${field}.eventType must be an event type such as ProposalAccepted`, `${field}.eventType`);
  const conditions = (trigger.conditions ?? []).map((condition, index) => {
    const at = `${field}.conditions.${index}`;
    if (!/^event(\.[A-Za-z0-9_]+)+$/.test(condition.path)) throw badUserInput(`${at}.path must be a dotted path from event, e.g. event.payload.stage`, `${at}.path`);
    if (condition.operator === 'EXISTS') return { path: condition.path, operator: condition.operator };
    if (condition.value === undefined) throw badUserInput(`${at}.value is required for ${condition.operator}`, `${at}.value`);
    if (condition.operator === 'IN' && !Array.isArray(condition.value)) throw badUserInput(`${at}.value must be a list for IN`, `${at}.value`);
    if ((condition.operator === 'GREATER_THAN' || condition.operator === 'LESS_THAN') && typeof condition.value !== 'number') {
      throw badUserInput(`${at}.value must be a number for ${condition.operator}`, `${at}.value`);
    }
    return { path: condition.path, operator: condition.operator, value: condition.value };
  });
  if (conditions.length > 20) throw badUserInput(`${field}.conditions may hold at most 20`, `${field}.conditions`);
  return { eventType: trigger.eventType, conditions };
}

function valueAt(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const part of path.split('.')) {
    if (value === null || value === undefined) return undefined;
    if (Array.isArray(value) && /^\d+$/.test(part)) value = value[Number(part)];
    else if (typeof value === 'object') value = (value as Record<string, unknown>)[part];
    else return undefined;
  }
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether an event meets every condition of a trigger. */
export function conditionsHold(conditions: readonly ConditionDefinition[], context: Pick<TemplateContext, 'event'>): boolean {
  return conditions.every((condition) => {
    const actual = valueAt(context, condition.path);
    switch (condition.operator) {
      case 'EXISTS':
        return actual !== undefined && actual !== null;
      case 'EQUALS':
        return sameValue(actual, condition.value);
      case 'NOT_EQUALS':
        return !sameValue(actual, condition.value);
      case 'IN':
        return Array.isArray(condition.value) && condition.value.some((candidate) => sameValue(actual, candidate));
      case 'GREATER_THAN':
        return typeof actual === 'number' && actual > (condition.value as number);
      case 'LESS_THAN':
        return typeof actual === 'number' && actual < (condition.value as number);
      default:
        return false;
    }
  });
}

/** A template that cannot be filled in: the step fails for good (retrying changes nothing). */
export class TemplateError extends Error {}

/**
 * Fills in the templates of a step's input. A string that is exactly one template takes the
 * value as it is (an id, a number, a list); templates inside a longer string are written as text.
 */
export function renderTemplates(value: unknown, context: TemplateContext): unknown {
  if (typeof value === 'string') {
    const whole = /^\{\{\s*([^{}]*?)\s*\}\}$/.exec(value);
    const lookup = (path: string) => {
      const found = valueAt(context, path);
      if (found === undefined || found === null) throw new TemplateError(`{{${path}}} has no value`);
      return found;
    };
    if (whole) return lookup(whole[1]!);
    return value.replace(TEMPLATE, (_match, path: string) => {
      const found = lookup(path.trim());
      return typeof found === 'string' ? found : JSON.stringify(found);
    });
  }
  if (Array.isArray(value)) return value.map((item) => renderTemplates(item, context));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderTemplates(item, context)]));
  return value;
}

/** The client an event concerns: payload.clientId, or the aggregate itself when it is a client. */
export function clientOfEvent(event: { aggregateType: string; aggregateId: string; payload: Record<string, unknown> }): string | null {
  const fromPayload = event.payload.clientId;
  if (typeof fromPayload === 'string' && /^[0-9a-f-]{36}$/i.test(fromPayload)) return fromPayload;
  return event.aggregateType === 'Client' ? event.aggregateId : null;
}
