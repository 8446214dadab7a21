import { describe, expect, it } from 'vitest';
import { describeDecision, expectedDeciders, pendingDeciders } from './decisions';

describe('describeDecision', () => {
  it('words each choice for the next version’s what changed, with the comment after a colon', () => {
    const base = { name: 'Dana Reyes', comment: '', meeting: false };
    expect(
      describeDecision({ ...base, decision: 'approve-with-conditions', comment: ' human review ' }, 2),
    ).toBe('Dana Reyes approved v2 with conditions: human review');
    expect(describeDecision({ ...base, decision: 'approve' }, 3)).toBe('Dana Reyes approved v3');
    expect(describeDecision({ ...base, decision: 'request-changes' }, 1)).toBe(
      'Dana Reyes requested changes to v1',
    );
    expect(describeDecision({ ...base, decision: 'reject', name: 'Board', meeting: true }, 1)).toBe(
      'Board rejected v1 (in a meeting)',
    );
  });
});

describe('expectedDeciders', () => {
  it('splits the sign-off answer on commas, semicolons, new lines and "and", once per person', () => {
    expect(expectedDeciders('Dana Reyes, legal and the CFO;\nDana  reyes; ')).toEqual([
      'Dana Reyes',
      'legal',
      'the CFO',
    ]);
    expect(expectedDeciders('   ')).toEqual([]);
    // "and" inside a word is not a separator.
    expect(expectedDeciders('Head of brand')).toEqual(['Head of brand']);
  });
});

describe('pendingDeciders', () => {
  it('counts a person as decided by their name, or by a name that holds it as whole words', () => {
    const expected = ['Head of trust & safety', 'Légal', 'Sam'];
    expect(pendingDeciders(expected, [])).toEqual(expected);
    expect(pendingDeciders(expected, ['Dana Reyes (head of Trust & Safety)', 'legal'])).toEqual(['Sam']);
    // "Samantha" is not "Sam".
    expect(pendingDeciders(expected, ['Samantha'])).toEqual(expected);
    expect(pendingDeciders(expected, ['sam', 'LEGAL', 'Head of trust & safety'])).toEqual([]);
  });
});
