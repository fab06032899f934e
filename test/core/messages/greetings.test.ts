// Messages to one person greet them by first name; a message to a pair names each of them by first name.
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../../src/core/messages/catalog.ts';
import { plainCatalog } from '../../support/user-text.ts';

const t = plainCatalog(catalogFor('en'));

describe('greetings', () => {
  it('greet one person by first name, a title keeping the last name', () => {
    expect(t.help.intro('Emily Nguyen')).toMatch(/^Hi Emily! /);
    expect(t.home.title('Emily Nguyen')).toBe('Hi Emily');
    expect(t.checkins.checkin.intro('Emily Nguyen', 1)).toMatch(/^Hi Emily! Did you get time with your partner/);
    expect(t.checkins.checkin.intro('Dr. Sarah Patel', 2)).toMatch(/^Hi Dr. Patel! /);
    expect(t.checkins.checkin.reminderIntro('Emily Nguyen')).toMatch(/^Hi Emily, a gentle reminder/);
    expect(t.checkins.pause.notice('Emily Nguyen')).toMatch(/^Hi Emily\. Your last three check-ins/);
    expect(t.welcomeNewMember('Olivia Reyes')).toMatch(/^Welcome to the team, Olivia! /);
    expect(t.mentoring.intro.hello('Emily Nguyen')).toBe('Hi Emily!');
  });

  it('name both people of a pair by first name in their shared message', () => {
    expect(t.checkins.nudge.text('Priya Shah', 'Ben Okafor', '2 weeks')).toMatch(/^Hi Priya and Ben! It's been 2 weeks since you last met/);
  });
});
