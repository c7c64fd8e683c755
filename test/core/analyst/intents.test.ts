// What owners type, and which answer Titan gives to each.
import { describe, expect, it } from 'vitest';
import { classifyIntent } from '../../../src/core/analyst/intents.ts';

describe('intents', () => {
  it.each([
    ['where am I losing money this month?', 'leak-scan'],
    ['profit leak scan last 7 days', 'leak-scan'],
    ['daily brief', 'daily-brief'],
    ['How did we do yesterday?', 'daily-brief'],
    ['revenue trend last 30 days', 'revenue-trend'],
    ['sales this week', 'revenue-trend'],
    ['food cost this month', 'food-cost'],
    ['what is my COGS', 'food-cost'],
    ['wastage last week', 'wastage'],
    ['vendor prices', 'vendor-prices'],
    ['any price creep from suppliers?', 'vendor-prices'],
    ['expense breakdown', 'expense-breakdown'],
    ['staff exceptions', 'staff-exceptions'],
    ['who is doing the most voids', 'staff-exceptions'],
    ['open tasks', 'open-tasks'],
    ['tasks', 'open-tasks'],
    ['help', 'help'],
    ['what can you do?', 'help'],
    ['write me a poem about dosa', 'unknown'],
  ])('%s → %s', (question, id) => {
    expect(classifyIntent(question).id).toBe(id);
  });

  it.each([
    ['maida wastage', 'maida'],
    ['Maida wastage 1-15 Nov', 'maida'],
    ['wastage of paneer last week', 'paneer'],
    ['what is the wastage this week', undefined],
    ['1-15 Nov wastage', undefined],
    ['last week wastage', undefined],
  ])('%s names item %s', (question, item) => {
    expect(classifyIntent(question).item).toBe(item);
  });
});
