import {
  addDaysTo,
  addMonthsTo,
  addYearsTo,
  compareDates,
  earliestDate,
  firstDayOfMonthAfterMonths,
  firstDayOfMonthFollowing,
  formatLegalDateLong,
  isLegalDate,
  latestDate,
} from './calendar.js';

// calendar.timezones.spec.ts reruns this file under other time zones.
describe('calendar arithmetic on legal dates', () => {
  const expectedZone = process.env.EIF_EXPECT_TZ;
  if (expectedZone) {
    it(`runs in ${expectedZone}`, () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expectedZone);
    });
  }

  it.each([
    ['2024-02-10', 30, '2024-03-11', 'across February of a leap year'],
    ['2023-02-10', 30, '2023-03-12', 'across February of a common year'],
    ['2024-01-31', 30, '2024-03-01', 'from the 31st across a leap February'],
    ['2023-12-15', 30, '2024-01-14', 'across a year end'],
    ['2024-03-01', 30, '2024-03-31', 'within a month'],
    ['2024-03-05', 30, '2024-04-04', 'across the US/European spring DST change'],
    ['2024-10-20', 30, '2024-11-19', 'across the autumn DST change in the north'],
    ['2024-09-20', 30, '2024-10-20', 'across the New Zealand spring DST change'],
    ['2018-10-20', 30, '2018-11-19', 'across a DST start at midnight (Brazil 2018)'],
    ['2024-06-01', 90, '2024-08-30', 'ninety days'],
    ['2023-03-01', 365, '2024-02-29', 'a year of days ending on a leap day'],
    ['2024-05-10', 0, '2024-05-10', 'zero days'],
    ['2024-03-11', -30, '2024-02-10', 'backwards'],
  ])('given %s, when %d days are added, then it is %s (%s)', (date, days, expected) => {
    expect(addDaysTo(date, days)).toBe(expected);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29', '31 Jan + 1 month clamps to the leap day'],
    ['2023-01-31', 1, '2023-02-28', '31 Jan + 1 month clamps to 28 Feb'],
    ['2023-01-29', 1, '2023-02-28', 'the 29th clamps too'],
    ['2024-01-30', 1, '2024-02-29', 'the 30th in a leap year'],
    ['2024-03-31', 1, '2024-04-30', '31 Mar + 1 month = 30 Apr'],
    ['2024-01-31', 2, '2024-03-31', 'added from the original date, not chained'],
    ['2023-08-31', 6, '2024-02-29', 'six months into a leap February'],
    ['2024-02-29', 12, '2025-02-28', 'twelve months from a leap day'],
    ['2024-02-29', 48, '2028-02-29', 'four years from a leap day'],
    ['2024-05-15', 3, '2024-08-15', 'an ordinary day'],
    ['2024-11-30', 3, '2025-02-28', 'across a year end to February'],
  ])('given %s, when %d months are added, then it is %s (%s)', (date, months, expected) => {
    expect(addMonthsTo(date, months)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2020-02-29', 4, '2024-02-29'],
    ['2017-05-10', 5, '2022-05-10'],
  ])('given %s, when %d years are added, then it is %s', (date, years, expected) => {
    expect(addYearsTo(date, years)).toBe(expected);
  });

  it.each([
    ['2024-01-01', '2024-02-01'],
    ['2024-01-31', '2024-02-01'],
    ['2024-02-29', '2024-03-01'],
    ['2024-12-15', '2025-01-01'],
  ])('given %s, then the first day of the month following is %s', (date, expected) => {
    expect(firstDayOfMonthFollowing(date)).toBe(expected);
  });

  it.each([
    ['2024-03-15', 3, '2024-07-01', 'mid-month'],
    ['2024-03-01', 3, '2024-07-01', 'first of a month: +3 months is 1 June, so the following month is July'],
    ['2024-03-31', 3, '2024-07-01', '31 March + 3 months = 30 June'],
    ['2023-11-30', 3, '2024-03-01', '30 November + 3 months = 29 February'],
    ['2023-11-29', 3, '2024-03-01', '29 November + 3 months = 29 February'],
    ['2024-10-31', 3, '2025-02-01', 'across a year end'],
    ['2024-12-31', 0, '2025-01-01', 'zero months'],
    ['2024-01-15', 12, '2025-02-01', 'twelve months'],
  ])('given %s, then the first day of the month after %d months is %s (%s)', (date, months, expected) => {
    expect(firstDayOfMonthAfterMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2024-02-29', true], ['2023-02-29', false], ['2023-02-30', false], ['2024-13-01', false], ['2024-1-01', false],
    ['2024-01-01T00:00', false], ['0000-01-01', false], [20240101, false], [null, false],
  ])('given %p, then isLegalDate is %p', (value, expected) => {
    expect(isLegalDate(value)).toBe(expected);
  });

  it('given a malformed date, when arithmetic is attempted, then it is refused', () => {
    expect(() => addDaysTo('2023-02-29', 1)).toThrow(RangeError);
  });

  it('given dates, then compare, latest and earliest order them and skip nulls', () => {
    expect(['2024-03-01', '2023-12-31', '2024-01-15'].sort(compareDates)).toEqual(['2023-12-31', '2024-01-15', '2024-03-01']);
    expect(latestDate('2024-01-01', null, '2024-06-30', undefined)).toBe('2024-06-30');
    expect(earliestDate(null, '2024-06-30', '2024-01-01')).toBe('2024-01-01');
    expect(latestDate()).toBeNull();
  });

  it('given a date, then it is written as a treaty would write it', () => {
    expect(formatLegalDateLong('2025-01-01')).toBe('1 January 2025');
    expect(formatLegalDateLong('2017-05-23')).toBe('23 May 2017');
  });
});
