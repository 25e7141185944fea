import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { StepKind, TemplateContext } from '@ubos/kernel';
import { GraphCaller, StepError } from './graph.js';
import { pinnedLookup, resolveWebhookTarget, type WebhookTarget } from './webhook-guard.js';

/** What one step execution knows. */
export interface StepCall {
  organizationId: string;
  runId: string;
  workflowId: string;
  stepKey: string;
  kind: StepKind;
  /** The step's input with its templates filled in. */
  input: Record<string, unknown>;
  context: TemplateContext;
  /** The webhook's signing secret (CALL_WEBHOOK only). */
  secret?: string;
}

type Input = Record<string, unknown>;

/** What a step execution needs of the worker's settings. */
export interface StepSettings {
  /** Timeout of one GraphQL call or webhook call, in milliseconds. */
  stepTimeoutMs: number;
  /** UBOS_WEBHOOK_ALLOW_PRIVATE: webhooks may reach private, loopback and link-local addresses. */
  allowPrivateWebhooks: boolean;
}

function pick(input: Input, names: string[]): Input {
  return Object.fromEntries(names.filter((name) => input[name] !== undefined && input[name] !== null).map((name) => [name, input[name]]));
}

/**
 * Performs one step and answers its output. Every mutation carries the idempotency key
 * `<run id>:<step key>` (with a suffix for the extra mutations of a project template), so a
 * step retried after a crash returns what it did the first time instead of doing it again.
 */
export async function performStep(graph: GraphCaller, call: StepCall, settings: StepSettings): Promise<Record<string, unknown>> {
  const key = `${call.runId}:${call.stepKey}`;
  const target = { organizationId: call.organizationId, runId: call.runId, requestId: `wf-${call.runId}-${call.stepKey}`.slice(0, 64) };
  const input = call.input;
  switch (call.kind) {
    case 'CREATE_CONTRACT':
      return { id: (await graph.mutate(target, 'createContract', { input: pick(input, ['proposalId']) }, key)).id };
    case 'CREATE_ENGAGEMENT':
      return { id: (await graph.mutate(target, 'createEngagement', { input: pick(input, ['clientId', 'contractId', 'name', 'type', 'projectIds']) }, key)).id };
    case 'POST_MESSAGE':
      return { id: (await graph.mutate(target, 'postMessage', { input: pick(input, ['clientId', 'body']) }, key)).id };
    case 'CREATE_INVOICE':
      return { id: (await graph.mutate(target, 'createInvoice', { input: pick(input, ['clientId', 'currency', 'lineItems', 'dueDate']) }, key)).id };
    case 'CREATE_PROJECT':
      return createProjectFromTemplate(graph, target, key, input);
    case 'CALL_WEBHOOK':
      return callWebhook(call, settings);
    default:
      throw new StepError(`Unknown step kind ${String(call.kind)}`, true);
  }
}

async function createProjectFromTemplate(graph: GraphCaller, target: Parameters<GraphCaller['mutate']>[0], key: string, input: Input): Promise<Record<string, unknown>> {
  const project = await graph.mutate(target, 'createProject', { input: pick(input, ['clientId', 'name', 'description', 'startDate', 'dueDate']) }, key);
  const projectId = String(project.id);
  const milestoneIds: string[] = [];
  const milestoneByName = new Map<string, string>();
  for (const [index, milestone] of ((input.milestones as Input[] | undefined) ?? []).entries()) {
    const created = await graph.mutate(target, 'createMilestone', { input: { projectId, ...pick(milestone, ['name', 'dueDate']) } }, `${key}:milestone:${index}`);
    milestoneIds.push(String(created.id));
    milestoneByName.set(String(milestone.name), String(created.id));
  }
  const taskIds: string[] = [];
  for (const [index, task] of ((input.tasks as Input[] | undefined) ?? []).entries()) {
    const milestoneId = typeof task.milestone === 'string' ? milestoneByName.get(task.milestone) : undefined;
    const created = await graph.mutate(target, 'createTask', { input: { projectId, ...pick(task, ['title', 'dueDate']), ...(milestoneId ? { milestoneId } : {}) } }, `${key}:task:${index}`);
    taskIds.push(String(created.id));
  }
  // Filed under its engagement (the engagement's projects, the project's chain back to the proposal).
  if (typeof input.engagementId === 'string' && input.engagementId) {
    await graph.mutate(target, 'addProjectToEngagement', { id: input.engagementId, projectId }, `${key}:engagement`);
  }
  return { id: projectId, milestoneIds, taskIds };
}

/** The signature a webhook receiver checks: HMAC-SHA256 of `<timestamp>.<body>` with the step's secret. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * POSTs the event to the step's URL, after the SSRF guard (webhook-guard.ts) checked it: the
 * connection goes only to the addresses checked, and redirects are not followed. 2xx is
 * success; 408, 429, 5xx and network errors are retried with backoff; any other answer (3xx
 * included) and a refused URL fail the step for good. X-Ubos-Delivery is the same on every
 * attempt, so the receiver can drop a repeat.
 */
async function callWebhook(call: StepCall, settings: StepSettings): Promise<Record<string, unknown>> {
  if (!call.secret) throw new StepError('The webhook has no signing secret: set input.secret on the step', true);
  const signal = AbortSignal.timeout(settings.stepTimeoutMs);
  const target = await resolveWebhookTarget(String(call.input.url), { allowPrivate: settings.allowPrivateWebhooks, signal });
  const body = JSON.stringify({
    event: call.context.event,
    run: { id: call.runId, workflowId: call.workflowId },
    step: call.stepKey,
    data: call.input.data ?? null,
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  let status: number;
  try {
    status = await post(target, body, signal, {
      'content-type': 'application/json',
      'user-agent': 'ubos-workflow/1',
      'x-ubos-delivery': `${call.runId}:${call.stepKey}`,
      'x-ubos-event': call.context.event.type,
      'x-ubos-timestamp': timestamp,
      'x-ubos-signature': webhookSignature(call.secret, timestamp, body),
    });
  } catch (error) {
    throw new StepError(`The webhook did not answer: ${(error as Error).message}`, false);
  }
  if (status >= 200 && status < 300) return { status };
  if (status >= 300 && status < 400) throw new StepError(`The webhook answered HTTP ${status} (redirects are not followed)`, true);
  const retryable = status >= 500 || status === 408 || status === 429;
  throw new StepError(`The webhook answered HTTP ${status}`, !retryable);
}

/** Most of a webhook's answer that is read (and dropped); the rest is cut off. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * One POST over a fresh connection (no pooled socket) to the target's checked addresses: the
 * lookup is pinned, and TLS still verifies the certificate against the URL's host name.
 * Answers the status once the answer has been read.
 */
function post(target: WebhookTarget, body: string, signal: AbortSignal, headers: Record<string, string>): Promise<number> {
  const transport = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(target.url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      agent: false,
      lookup: pinnedLookup(target.addresses) as never,
      signal,
    });
    request.on('error', reject);
    request.on('response', (response) => {
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_ANSWER_BYTES) response.destroy();
      });
      const done = () => resolve(response.statusCode ?? 0);
      response.on('end', done);
      response.on('close', done);
      response.on('error', done);
    });
    request.end(body);
  });
}
