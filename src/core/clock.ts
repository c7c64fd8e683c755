// Time as a dependency, so schedules, leases and deadlines can be tested with a fake clock.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
