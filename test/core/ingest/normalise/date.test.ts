import { describe, expect, it } from 'vitest';
import {
  dateClue,
  excelSerialToIso,
  parseDate,
  parseTime,
} from '../../../../src/core/ingest/normalise/date.ts';

describe('parseDate', () => {
  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024-1-5', '2024-01-05'],
    ['2024/01/05', '2024-01-05'],
    ['2014-02-14T08:27:48.765Z', '2014-02-14'],
    ['2017-12-31 18:05:00', '2017-12-31'],
    ['05/01/2024', '2024-01-05'],
    ['5/1/24', '2024-01-05'],
    ['05-01-2024', '2024-01-05'],
    ['05.01.2024', '2024-01-05'],
    ['31/12/2017', '2017-12-31'],
    ['20-10-2015', '2015-10-20'],
    ['05/01/2024 1:45 PM', '2024-01-05'],
    ['05-Jan-24', '2024-01-05'],
    ['5-jan-2024', '2024-01-05'],
    ['05 Jan 2024', '2024-01-05'],
    ['5th January 2024', '2024-01-05'],
    ['19 april 2014', '2014-04-19'],
    ['Jan 1, 2022', '2022-01-01'],
    ['August 3 , 2014', '2014-08-03'],
    ['Sept 9 2023', '2023-09-09'],
    ['20240105', '2024-01-05'],
    ['45292', '2024-01-01'],
    ['45292.75', '2024-01-01'],
    ['31-Dec-99', '1999-12-31'],
  ])('reads %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it('reads an ambiguous date day-first unless told the file is month-first', () => {
    expect(parseDate('03/04/2024')).toBe('2024-04-03');
    expect(parseDate('03/04/2024', 'mdy')).toBe('2024-03-04');
  });

  it('reads an unambiguous date the only way it can be read, whatever the order', () => {
    expect(parseDate('03/20/2023')).toBe('2023-03-20');
    expect(parseDate('20/03/2023', 'mdy')).toBe('2023-03-20');
  });

  it('takes Excel serials written as numbers', () => {
    expect(parseDate('45292')).toBe('2024-01-01');
    expect(parseDate('45292.5')).toBe('2024-01-01');
  });

  it.each(['31/04/2024', '29/02/2023', '2024-13-01', 'yesterday', '12345', '1939', 'Total', '', '05-Foo-24'])(
    'refuses %j',
    (raw) => {
      expect(parseDate(raw)).toBeNull();
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
  });
});

describe('excelSerialToIso', () => {
  it('converts serials in a business range only', () => {
    expect(excelSerialToIso(43831)).toBe('2020-01-01');
    expect(excelSerialToIso(40)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
  });
});

describe('parseTime', () => {
  it.each([
    ['13:45', '13:45'],
    ['2024-01-05T13:45:00', '13:45'],
    ['2017-12-31 18:05:00', '18:05'],
    ['05/01/2024, 1:45 PM', '13:45'],
    ['12:10 am', '00:10'],
    ['9:05', '09:05'],
  ])('reads %s', (raw, time) => {
    expect(parseTime(raw)).toBe(time);
  });

  it.each(['2024-01-05', '25:00', '13:45 PM', 'noon'])('refuses %j', (raw) => {
    expect(parseTime(raw)).toBeNull();
  });
});

describe('dateClue', () => {
  it('says which order a numeric date allows: one, either (and it matters), or either (and it does not)', () => {
    expect(dateClue('13/02/2024')).toBe('dmy');
    expect(dateClue('02/13/2024 10:15')).toBe('mdy');
    expect(dateClue('03/04/2024')).toBe('ambiguous');
    expect(dateClue('04/04/2024')).toBe('same');
    expect(dateClue('2024-01-05')).toBeUndefined();
    expect(dateClue('5 Jan 2024')).toBeUndefined();
    expect(dateClue('13/13/2024')).toBeUndefined();
  });
});
