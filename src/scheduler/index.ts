export { CronError, checkCron, fireTimesBetween, lastFireTime } from './cron.js';
export { DEFAULT_MAX_CATCH_UP, type DueRun, dueRuns, type PlanOptions, windowAt } from './plan.js';
export { windowsCovering } from './realtime.js';
export { type ListRunsOptions, listRuns } from './records.js';
export { type Clock, runWindow, type SchedulerStore, sidOf, type WindowEnv } from './run.js';
export {
  type PlanProblem,
  Scheduler,
  type SchedulerOptions,
  systemClock,
  type TickResult,
} from './scheduler.js';
export { ensureSchedulerTables, RUNS_TABLE, type RunRecord, STATE_TABLE, THROTTLE_TABLE } from './tables.js';
export { applyThrottle, ThrottleError, throttleKey, throttlePeriod } from './throttle.js';
