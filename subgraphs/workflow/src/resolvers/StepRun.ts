import type { StepRunResolvers } from '../__generated__/resolvers-types.js';

// The worker keeps every attempt in `attempts` and notes how many there were when the run was
// last retried; the budget of attempts, and what the graph calls attempts, starts there.
export const StepRun: StepRunResolvers = {
  attempts: (step) => step.attempts - (step.attemptsAtRetry ?? 0),
  totalAttempts: (step) => step.attempts,
};
