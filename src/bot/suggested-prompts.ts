// The quick prompts Titan offers on every platform: Slack suggested prompts and buttons, Teams welcome-card actions.

export const SUGGESTED_PROMPTS = [
  { title: 'Scan for profit leaks', message: 'Scan for profit leaks' },
  { title: 'Daily brief', message: 'Daily brief' },
  { title: 'Revenue trend', message: 'Revenue trend' },
  { title: 'Wastage this week', message: 'Wastage this week' },
] as const;
