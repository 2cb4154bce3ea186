'use strict';

// Handler for the Custom::EnvControllerFunction custom resource of Copilot workload stacks.
//
// It keeps the shared environment stack (`<app>-<env>`) in step with what one workload needs: the
// workload's name is added to, or removed from, the comma-separated `*Workloads` parameters of the
// env stack (and its entry in the JSON `Aliases` parameter), the env stack is updated in place with
// its previous template, and the env stack's outputs are returned as the resource's attributes.
//
// Lambda: runtime nodejs22.x or newer, handler `index.handler`. Uses only Node built-ins and the
// `@aws-sdk/client-cloudformation` v3 that the runtime ships.

const http = require('node:http');
const https = require('node:https');

/** Prefix of the physical ID of a new resource. The missing "r" is intentional: existing resources carry it. */
const PHYSICAL_ID_PREFIX = 'envcontoller';
const WORKLOADS_SUFFIX = 'Workloads';
const ALIASES_PARAMETER = 'Aliases';
/** Env outputs left out of Data so that the response stays small. */
const OMITTED_OUTPUTS = new Set(['EnabledFeatures', 'LastForceDeployID']);
/** CloudFormation rejects response bodies larger than this. */
const MAX_RESPONSE_BYTES = 4096;
/** Time kept back from the Lambda's remaining time, to answer before the function is stopped. */
const DEADLINE_MARGIN_MS = 30_000;
/** Deadline used when the context does not tell the remaining time (a 900 s Lambda minus the margin). */
const DEFAULT_DEADLINE_MS = 870_000;
const DEFAULT_POLL_DELAY_MS = 30_000;
const DEFAULT_THROTTLE_DELAY_MS = 2_000;
const MAX_THROTTLE_DELAY_MS = 60_000;
const RESPONSE_TIMEOUT_MS = 30_000;
/** The first env template version that has each managed parameter; used in error messages. */
const FEATURE_MIN_VERSIONS = {
  ALBWorkloads: 'v1.0.0',
  EFSWorkloads: 'v1.3.0',
  NATWorkloads: 'v1.3.0',
  Aliases: 'v1.4.0',
  InternalALBWorkloads: 'v1.10.0',
  AppRunnerPrivateWorkloads: 'v1.23.0',
};

/** Error raised when the handler's own deadline passes. */
class DeadlineExceededError extends Error {}

/**
 * Lambda entry point: `async (event, context)`.
 * @param {object} event the CloudFormation custom resource request
 * @param {object} context the Lambda context
 */
async function handler(event, context) {
  return createHandler({ cloudFormation: cloudFormationFromSdk() })(event, context);
}

/**
 * Builds a handler over the given dependencies, so tests can inject fakes.
 * @param {object} deps
 * @param {{describeStacks: Function, updateStack: Function}} deps.cloudFormation the two CloudFormation calls used
 * @param {(url: string, body: string) => Promise<void>} [deps.sendResponse] delivers the response body
 * @param {(ms: number) => Promise<void>} [deps.sleep] waits
 * @param {() => number} [deps.now] the clock, in milliseconds
 * @param {(line: string) => void} [deps.log] writes a log line
 * @param {number} [deps.pollDelayMs] delay between DescribeStacks polls while the env stack is busy
 * @param {number} [deps.throttleDelayMs] first delay after a throttling error (doubles on each retry)
 */
function createHandler(deps) {
  const settings = {
    cloudFormation: deps.cloudFormation,
    sendResponse: deps.sendResponse ?? putResponse,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: deps.now ?? Date.now,
    log: deps.log ?? ((line) => console.log(line)),
    pollDelayMs: deps.pollDelayMs ?? DEFAULT_POLL_DELAY_MS,
    throttleDelayMs: deps.throttleDelayMs ?? DEFAULT_THROTTLE_DELAY_MS,
  };

  return async function handleEvent(event, context) {
    settings.log(`Request: ${JSON.stringify({ ...event, ResponseURL: '(redacted)' })}`);
    const properties = event.ResourceProperties ?? {};
    const physicalResourceId =
      event.PhysicalResourceId || `${PHYSICAL_ID_PREFIX}/${properties.EnvStack}/${properties.Workload}`;
    const budgetMs = deadlineBudget(context);

    let outcome;
    try {
      const data = await runWithDeadline(settings, budgetMs, (deadline) =>
        respondTo(event, properties, deadline, settings));
      outcome = { Status: 'SUCCESS', Data: data };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      settings.log(`Failed: ${message}`);
      outcome = { Status: 'FAILED', Reason: `${message} (Log: ${logLocation(context)})`, Data: null };
    }

    const body = responseBody({
      Status: outcome.Status,
      Reason: outcome.Reason,
      PhysicalResourceId: physicalResourceId,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
      Data: outcome.Data,
    });
    await settings.sendResponse(event.ResponseURL, body);
    settings.log(`Sent ${outcome.Status} for ${physicalResourceId}`);
  };
}

function deadlineBudget(context) {
  if (context && typeof context.getRemainingTimeInMillis === 'function') {
    return Math.max(context.getRemainingTimeInMillis() - DEADLINE_MARGIN_MS, 1_000);
  }
  return DEFAULT_DEADLINE_MS;
}

function logLocation(context) {
  return `${context?.logGroupName}/${context?.logStreamName}`;
}

/**
 * Runs `work` against a deadline. A timer ends the race even if an AWS call hangs; the deadline
 * object also stops the work's own waits once the time is up.
 */
async function runWithDeadline(settings, budgetMs, work) {
  const deadline = { at: settings.now() + budgetMs, budgetMs, expired: false };
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      deadline.expired = true;
      reject(deadlineError(budgetMs));
    }, budgetMs);
  });
  try {
    return await Promise.race([work(deadline), timeout]);
  } finally {
    clearTimeout(timer);
    deadline.expired = true;
  }
}

function deadlineError(budgetMs) {
  const minutes = Math.round((budgetMs / 60_000) * 100) / 100;
  return new DeadlineExceededError(
    `Lambda took longer than ${minutes} minutes to update environment; the environment stack update may still be running`);
}

async function respondTo(event, properties, deadline, settings) {
  const requestType = event.RequestType;
  if (requestType !== 'Create' && requestType !== 'Update' && requestType !== 'Delete') {
    throw new Error(`Unsupported request type ${requestType}`);
  }
  const envStack = requireText(properties, 'EnvStack');
  const workload = requireText(properties, 'Workload');
  const isDelete = requestType === 'Delete';
  const desired = {
    features: isDelete ? [] : unique(asList(properties.Parameters).filter((key) => key.endsWith(WORKLOADS_SUFFIX))),
    aliases: isDelete ? [] : asList(properties.Aliases),
  };
  const env = new EnvStackClient(envStack, deadline, settings);
  try {
    return await reconcile(env, workload, desired, settings);
  } catch (error) {
    if (isDelete && isMissingStack(error)) {
      settings.log(`Environment stack ${envStack} does not exist; nothing to remove ${workload} from`);
      return {};
    }
    throw error;
  }
}

function requireText(properties, name) {
  const value = properties[name];
  if (typeof value !== 'string' || value === '') {
    throw new Error(`ResourceProperties.${name} must be a non-empty string`);
  }
  return value;
}

/** Reads a list-valued property: a list of strings, or a comma-separated string; absent means empty. */
function asList(value) {
  if (Array.isArray(value)) {
    return value.map(String);
  }
  if (typeof value === 'string' && value !== '') {
    return value.split(',');
  }
  return [];
}

function unique(values) {
  return [...new Set(values)];
}

/**
 * The read-modify-write loop: each pass reads the env stack afresh, so that edits made by other
 * workloads while we waited are kept.
 */
async function reconcile(env, workload, desired, settings) {
  for (;;) {
    const stack = await env.describe();
    if (isInProgress(stack.StackStatus)) {
      settings.log(`Environment stack ${env.name} is ${stack.StackStatus}; waiting before reading its parameters`);
      await env.waitUntilSettled();
      continue;
    }

    const plan = planParameterUpdate(stack.Parameters ?? [], workload, desired);
    if (plan.missingFeatures.length > 0) {
      throw missingFeaturesError(env.name, workload, plan.missingFeatures);
    }
    if (plan.changes.length === 0) {
      settings.log(`Environment stack ${env.name} already matches what ${workload} needs`);
      return attributesOf(stack);
    }
    for (const change of plan.changes) {
      settings.log(`${env.name} ${change.key}: ${JSON.stringify(change.from)} -> ${JSON.stringify(change.to)}`);
    }

    const started = await env.update({
      StackName: env.name,
      UsePreviousTemplate: true,
      Parameters: plan.parameters,
      RoleARN: outputValue(stack, 'CFNExecutionRoleARN'),
      Capabilities: stack.Capabilities,
    });
    if (started === 'busy') {
      await env.waitUntilSettled();
      continue;
    }
    if (started === 'unchanged') {
      return attributesOf(await env.describe());
    }

    const settled = await env.waitUntilSettled();
    if (settled.StackStatus !== 'UPDATE_COMPLETE') {
      const reason = settled.StackStatusReason ? `: ${settled.StackStatusReason}` : '';
      throw new Error(`Update of environment stack ${env.name} ended in ${settled.StackStatus}${reason}`);
    }
    return attributesOf(settled);
  }
}

function missingFeaturesError(envStack, workload, keys) {
  const needs = keys.map((key) => (FEATURE_MIN_VERSIONS[key] ? `${key} (${FEATURE_MIN_VERSIONS[key]} or later)` : key));
  return new Error(
    `Environment stack ${envStack} has no parameter ${needs.join(', ')} that workload ${workload} needs; ` +
    'upgrade the environment (copilot env deploy) and deploy again');
}

/**
 * Works out how the env stack's parameters must change so that they hold what `workload` needs.
 * @param {Array<{ParameterKey: string, ParameterValue?: string}>} current the env stack's parameters
 * @param {string} workload the workload's name
 * @param {{features: string[], aliases: string[]}} desired the `*Workloads` keys and aliases the workload needs
 * @returns {{parameters: object[], changes: Array<{key: string, from: string, to: string}>, missingFeatures: string[]}}
 *   `parameters` lists every env parameter in its original order: changed ones with their new value,
 *   the others with UsePreviousValue.
 */
function planParameterUpdate(current, workload, desired) {
  const keys = new Set(current.map((p) => p.ParameterKey));
  const missingFeatures = desired.features.filter((key) => !keys.has(key));
  const wanted = new Set(desired.features);

  const changes = [];
  const parameters = current.map((parameter) => {
    const key = parameter.ParameterKey;
    const value = parameter.ParameterValue ?? '';
    let next = value;
    if (key.endsWith(WORKLOADS_SUFFIX)) {
      const listed = value.split(',').includes(workload);
      if (listed && !wanted.has(key)) {
        next = piecesOf(value).filter((name) => name !== workload).join(',');
      } else if (!listed && wanted.has(key)) {
        next = [...piecesOf(value), workload].join(',');
      }
    } else if (key === ALIASES_PARAMETER) {
      next = nextAliases(value, workload, desired.aliases);
    }
    if (next === value) {
      return { ParameterKey: key, UsePreviousValue: true };
    }
    changes.push({ key, from: value, to: next });
    return { ParameterKey: key, ParameterValue: next };
  });
  return { parameters, changes, missingFeatures };
}

function piecesOf(value) {
  return unique(value.split(',').filter((piece) => piece !== ''));
}

/** The new `Aliases` value, or the current one when this workload's entry already matches. */
function nextAliases(value, workload, aliases) {
  let table;
  try {
    table = value === '' ? {} : JSON.parse(value);
  } catch (error) {
    throw new Error(`The Aliases parameter of the environment stack is not valid JSON (${error.message}): ${value}`);
  }
  if (table === null || typeof table !== 'object' || Array.isArray(table)) {
    throw new Error(`The Aliases parameter of the environment stack is not a JSON object: ${value}`);
  }
  const stored = Object.prototype.hasOwnProperty.call(table, workload) ? asList(table[workload]) : [];
  if (stored.join(',') === aliases.join(',')) {
    return value;
  }
  if (aliases.length > 0) {
    table[workload] = aliases;
  } else {
    delete table[workload];
  }
  return Object.keys(table).length === 0 ? '' : JSON.stringify(table);
}

/** The env stack's outputs as custom resource attributes. */
function attributesOf(stack) {
  const data = {};
  for (const output of stack.Outputs ?? []) {
    if (!OMITTED_OUTPUTS.has(output.OutputKey)) {
      data[output.OutputKey] = output.OutputValue;
    }
  }
  return data;
}

function outputValue(stack, key) {
  return (stack.Outputs ?? []).find((output) => output.OutputKey === key)?.OutputValue;
}

function isInProgress(status) {
  return typeof status === 'string' && status.endsWith('_IN_PROGRESS');
}

function isBusy(error) {
  return /_IN_PROGRESS state and can ?not be updated/.test(error?.message ?? '');
}

function isNoUpdates(error) {
  return (error?.message ?? '').includes('No updates are to be performed');
}

function isThrottling(error) {
  const names = ['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded'];
  return names.includes(error?.name) || names.includes(error?.Code) || /rate exceeded/i.test(error?.message ?? '');
}

function isMissingStack(error) {
  return /does not exist/.test(error?.message ?? '');
}

/** The env stack calls, with throttling retries and deadline-aware waits. */
class EnvStackClient {
  constructor(name, deadline, settings) {
    this.name = name;
    this.deadline = deadline;
    this.settings = settings;
  }

  /** DescribeStacks for the env stack; exactly one stack is expected. */
  async describe() {
    const answer = await this.call(() => this.settings.cloudFormation.describeStacks({ StackName: this.name }));
    const stacks = answer?.Stacks ?? [];
    if (stacks.length !== 1) {
      throw new Error(`Cannot find environment stack ${this.name}`);
    }
    return stacks[0];
  }

  /** UpdateStack; returns 'started', 'busy' (another update is running) or 'unchanged'. */
  async update(input) {
    try {
      await this.call(() => this.settings.cloudFormation.updateStack(input));
      return 'started';
    } catch (error) {
      if (isBusy(error)) {
        this.settings.log(`Environment stack ${this.name} is busy (${error.message}); waiting to try again`);
        return 'busy';
      }
      if (isNoUpdates(error)) {
        return 'unchanged';
      }
      throw error;
    }
  }

  /** Polls the env stack until no operation is in progress, and returns it. */
  async waitUntilSettled() {
    for (;;) {
      const stack = await this.describe();
      if (!isInProgress(stack.StackStatus)) {
        return stack;
      }
      await this.pause(this.settings.pollDelayMs);
    }
  }

  async call(request) {
    for (let attempt = 0; ; attempt++) {
      this.checkDeadline();
      try {
        return await request();
      } catch (error) {
        if (!isThrottling(error)) {
          throw error;
        }
        const delay = Math.min(this.settings.throttleDelayMs * 2 ** attempt, MAX_THROTTLE_DELAY_MS);
        this.settings.log(`Throttled (${error.message}); retrying in ${delay} ms`);
        await this.pause(delay);
      }
    }
  }

  async pause(ms) {
    this.checkDeadline();
    const left = this.deadline.at - this.settings.now();
    await this.settings.sleep(Math.max(0, Math.min(ms, left)));
    this.checkDeadline();
  }

  checkDeadline() {
    if (this.deadline.expired || this.settings.now() >= this.deadline.at) {
      throw deadlineError(this.deadline.budgetMs);
    }
  }
}

/**
 * Serialises the response, shortening `Reason` so that the body stays within CloudFormation's limit.
 * `Reason` is left out when undefined; `Data` is kept even when null.
 */
function responseBody(fields) {
  const body = JSON.stringify(fields);
  if (fields.Reason === undefined || Buffer.byteLength(body) <= MAX_RESPONSE_BYTES) {
    return body;
  }
  const marker = ' [truncated]';
  const overhead = Buffer.byteLength(JSON.stringify({ ...fields, Reason: marker }));
  let room = MAX_RESPONSE_BYTES - overhead;
  let kept = '';
  for (const character of fields.Reason) {
    const size = Buffer.byteLength(JSON.stringify(character)) - 2;
    if (size > room) {
      break;
    }
    kept += character;
    room -= size;
  }
  return JSON.stringify({ ...fields, Reason: kept + marker });
}

/**
 * PUTs the body to the pre-signed response URL, with an empty Content-Type and the body's byte length.
 * Rejects on a socket error, a timeout or an HTTP status of 400 or more.
 */
function putResponse(responseUrl, body) {
  return new Promise((resolve, reject) => {
    const url = new URL(responseUrl);
    const transport = url.protocol === 'http:' ? http : https;
    const request = transport.request(
      {
        method: 'PUT',
        hostname: url.hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode >= 400) {
            reject(new Error(`Sending the response failed with HTTP ${response.statusCode}`));
          } else {
            resolve();
          }
        });
        response.on('error', reject);
      });
    request.setTimeout(RESPONSE_TIMEOUT_MS, () => request.destroy(new Error('Sending the response timed out')));
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Adapts an AWS SDK v3 CloudFormation client to the two calls the handler makes.
 * @param {object} [client] a CloudFormationClient; by default one for the Lambda's own region and credentials
 */
function cloudFormationFromSdk(client) {
  const sdk = require('@aws-sdk/client-cloudformation');
  const cloudFormation = client ?? new sdk.CloudFormationClient({});
  return {
    describeStacks: (input) => cloudFormation.send(new sdk.DescribeStacksCommand(input)),
    updateStack: (input) => cloudFormation.send(new sdk.UpdateStackCommand(input)),
  };
}

module.exports = {
  handler,
  createHandler,
  planParameterUpdate,
  responseBody,
  putResponse,
  cloudFormationFromSdk,
};
