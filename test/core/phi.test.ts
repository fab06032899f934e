// The PHI screen against what office staff actually write: office talk passes, patient identifiers are refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHI_KINDS, refusalKinds, screenForPhi, type PhiKind } from '../../src/core/phi.ts';

// What a medical assistant, biller, front desk person, nurse or office manager writes in a check-in
// note, a goal, a time-off reason or a coverage note.
const officeTalk: string[] = [
  'Ana showed me how to do prior auths in Availity',
  'Saw 35 patients today, front desk was slammed',
  '3 claims denied for missing modifier 25, resubmitted them',
  "Out 12/20-12/24 for my sister's wedding",
  'We met on 11/3 and went over the new patient intake forms',
  'Goal: get comfortable choosing between 99213 and 99214',
  'Learning when to use E11.9 vs E11.65',
  'Front desk coverage 8-5, lunch at 12:30',
  'Huddle moved to 9:30 on Tuesdays',
  'Call me on ext 204 if the fax jams again',
  'Our denial rate dropped to 4.5% this quarter',
  'Collected $1,250 in copays yesterday',
  'Ben is covering the phones Friday morning',
  'Need help with the patient portal password resets',
  'Patient statements go out on the 15th',
  'Want to learn how to run the aging report over 90 days',
  'Shadowed Maria on rooming and vitals',
  'Working on my CMA recertification, exam in March 2025',
  'Taking PTO next week, back on the 14th',
  'Dr. Patel asked me to help with the 2 pm schedule',
  'Reviewed 120 charts for the quality audit',
  'Always verify name and DOB before rooming',
  "I'll miss Ana's training on Thursday, can we move it?",
  "Ana's birthday is 3/14, cake in the break room at 2",
  'Learned the Patient Portal enrollment workflow',
  'Goal: Improve Patient Satisfaction scores by 10%',
  'Cross-train with Jamal on insurance verification',
  'Called Availity support at 1-800-282-4548 about the outage',
  'Our group NPI 1234567890 was in the wrong box on the claim form',
  'Tax ID goes in box 25 on the CMS-1500',
  'Posted 42 ERAs and 6 paper EOBs',
  'Goal for Q3: clear the 60+ day AR bucket',
  'Scheduling template change starts 1/6/2025',
  'New hire orientation 10/14/2024 in the conference room',
  'MS Teams keeps logging me out during huddles',
  'PT Referrals are backing up, need help with the fax queue',
  'Sleep study scheduling takes 20-30 minutes per call',
  "We're short 2 MAs on Monday, can anyone cover 7:30-4?",
  'Ticket #4471 opened with IT for the label printer',
  'Room 3 sink is leaking again',
  'Practice Fusion upgrade on 2/1, training at 8am',
  'Goal: hit 95% clean claim rate by end of 2025',
  'Need a mentor for coding, especially modifiers 59 and XU',
  'The patient was upset about wait times, Ana handled it really well',
  'Vacation 7/1/2025 - 7/8/2025, Ben is trained to cover check-in',
  'Practiced the new patient phone script with Lisa',
  'Mentoring goal: learn the 837 file rejections in Waystar',
  'Biller meeting 3rd Thursday each month, 4-5 pm',
  'Copay collection at check-in is up 12% since March',
  'Patient Access team lunch Friday at noon',
  'Prior auth turnaround is now 3-5 business days',
  'Cover my desk 12/23 and 12/24 please',
  'Learning Epic In Basket from Priya, she is so patient with me',
  'Suite 300 front desk needs a second person on Mondays',
  'Processed account adjustments for 18 accounts today',
  'Helped a pt with the kiosk check-in',
  "Chart prep for tomorrow's 28 visits is done",
  'Phone tree update: press 3 for billing, 4 for refills',
  'Fax the records request to HIM by 5',
  'Flu clinic 10/5/2024 8:00-12:00 in the annex',
  'Kept our average hold time under 2 minutes in Q2 2024',
  'Worked 730-1600 Tuesday to cover the lab',
  'DOB on file. Next visit reminders go out May 3',
  'Chart audit 2024 is finished, 3 charts need addenda',
  'Patient Care Coordinator Ana Lopez will cover the referral queue',
  'Our pediatric patients had 14 flu shots on 10/2',
];

// Text that must be refused, with every kind the screen must report.
const patientInformation: Array<[string, PhiKind[]]> = [
  ['Her SSN is 123-45-6789', ['ssn']],
  ['ssn 123456789 was on the old form', ['ssn']],
  ['Social security number 123 45 6789 was written on the intake', ['ssn']],
  ['Enter 078-05-1120 in the guarantor field', ['ssn']],
  ['Verified last 4 of SSN 6789 before releasing the records', ['ssn']],
  ['SS# 123.45.6789 needs correcting', ['ssn']],
  ['ssn １２３－４５－６７８９ in fullwidth digits', ['ssn']],
  ['Statement showed ***-**-6789 for the guarantor', ['ssn']],
  ['typed 123–45–6789 with en dashes', ['ssn']],
  ['MRN 00123456 needs a merge', ['record_number']],
  ['Please pull chart #4471 for the audit', ['record_number']],
  ['Posted the payment to acct 99812', ['record_number']],
  ['member id XJH123456789 came back inactive', ['insurance_id']],
  ['record number 5512 is a duplicate', ['record_number']],
  ['Medical record # A0045871 has the wrong insurance', ['record_number']],
  ["Subscriber ID W123456789 doesn't match the card", ['insurance_id']],
  ['Claim #88172634 was denied for timely filing', ['record_number']],
  ['Policy number HUM44871232 needs updating', ['insurance_id']],
  ['MBI 1EG4TE5MK73 is invalid per Noridian', ['insurance_id']],
  ['Account 4417-2231 has a credit balance', ['record_number']],
  ['Patient ID 7781234 was registered twice', ['record_number']],
  ['DOB 3/4/1961', ['date_of_birth']],
  ['Mrs. Lopez, born 04/12/1958', ['date_of_birth', 'patient_name']],
  ['John Smith 3/4/61', ['date_of_birth']],
  ['date of birth 12-01-1975, please update it', ['date_of_birth']],
  ['Verify DOB: March 4, 1961 before the visit', ['date_of_birth']],
  ['d.o.b. 7/19/88 on the lab req', ['date_of_birth']],
  ['Maria Lopez (11/02/1947) needs a ride home', ['date_of_birth']],
  ['Lab slip for Okafor, Robert 5/17/1949 was mislabeled', ['date_of_birth']],
  ['her birthday is 6/2/1990 so she moved the appt', ['date_of_birth']],
  ['Born on Feb 3rd, 1955 per her license', ['date_of_birth']],
  ['DOB 3/4 on the requisition', ['date_of_birth']],
  ['Call back at 555-123-4567', ['phone']],
  ["(555) 123-4567 is the daughter's cell", ['phone']],
  ['Her number is 555.123.4567', ['phone']],
  ['Texted +1 555 123 4567 about the appointment', ['phone']],
  ['left a message at 1-555-867-5309', ['phone']],
  ['cell 5558675309, prefers texts', ['phone']],
  ['Home phone 867-5309 is disconnected', ['phone']],
  ['Send the receipt to maria.lopez@gmail.com', ['email']],
  ['emailed jsmith1961@yahoo.com the forms', ['email']],
  ['<mailto:ana@example.org|ana@example.org> asked for records', ['email']],
  ['patient Maria Lopez wants a callback', ['patient_name']],
  ['pt John Smith called about his refill', ['patient_name']],
  ["Mrs. Henderson's prior auth is still pending", ['patient_name']],
  ['Mr. Nguyen was upset about the bill', ['patient_name']],
  ['The patient, Robert Okafor, asked about payment plans', ['patient_name']],
  ["pt. O'Brien no-showed again", ['patient_name']],
  ['mrs henderson came in without her card', ['patient_name']],
  ['Ms. García needs an interpreter', ['patient_name']],
  ['Patient named Dana Whitfield complained about the wait', ['patient_name']],
  ['patient April Jones rescheduled', ['patient_name']],
  ['Patient Name: Dana Whitfield, wants a refund', ['patient_name']],
  ['Mr. Alvarez MRN 5567123 DOB 1/2/1950', ['record_number', 'date_of_birth', 'patient_name']],
  ['patient Jane Doe, phone 555-201-3344', ['phone', 'patient_name']],
  ['chart #4471 for Mrs. Lopez', ['record_number', 'patient_name']],
  ['SSN 123-45-6789 and email pat@example.com', ['ssn', 'email']],
];

describe('screenForPhi', () => {
  it('has a corpus big enough to mean something', () => {
    expect(officeTalk.length).toBeGreaterThanOrEqual(45);
    expect(patientInformation.length).toBeGreaterThanOrEqual(45);
  });

  it.each(officeTalk)('lets office talk through: %s', (text) => {
    expect(screenForPhi(text)).toEqual({ ok: true });
  });

  it.each(patientInformation)('refuses %s', (text, kinds) => {
    expect(screenForPhi(text)).toEqual({ ok: false, kinds });
  });

  it('reports each kind once, in catalogue order', () => {
    const screen = screenForPhi('SSN 123-45-6789, ssn 987654321, mrs. lopez and Mr. Diaz');
    expect(screen).toEqual({ ok: false, kinds: ['ssn', 'patient_name'] });
  });
});

// The kinds of identifier an outside test found getting through, each in the formats offices write.
const usedToGetThrough: Array<[PhiKind, string, string[]]> = [
  [
    'insurance_id',
    'an insurance member, subscriber, policy or group id',
    [
      'BCBS ID W123456789 needs verification',
      'Aetna member 88271123 was termed',
      'Humana H12345678 on the new card',
      'UHC subscriber # 987654321-01',
      'group # 004455, member 99871234',
      'Medicaid ID 12345678A inactive',
      'Medicare beneficiary 1EG4TE5MK73 changed plans',
      'ID W123456789 on the back of the card',
    ],
  ],
  [
    'address',
    'a street address, PO box or ZIP',
    [
      'lives at 123 Main St, Springfield',
      'moved to 88 elm street',
      'her home is 1200 W. 5th St.',
      'pickup at 15 Harbor Drive',
      '4417 N Oak Avenue apt 3',
      'statement to PO Box 1182',
      'p.o. box 45 bounced',
      'Springfield IL 62704',
      'Austin, TX 78701',
      'update zip to 60614',
      'zip code 60614-1234',
    ],
  ],
  [
    'name_with_details',
    'a name with an age, sex or condition',
    [
      'Robert Brown, 72 y/o male, seen in room 4',
      'Maria Gonzalez 45F in room 2',
      'David Chen 55 M needs a recheck',
      'Walker, Denise - 67 year old female',
      'Sarah Kim is a 29 year old',
      'Tom Hughes, 58, missed his BP check',
      'Helen Ortiz, female, on the list',
      'Linda Park is pregnant',
      'Jim Carter (COPD) wants a nebulizer',
      'Frank Miller has dementia',
      'Greg Foster is diabetic',
      '72 yo male Robert Brown no-showed',
      'a 34-year-old named Kevin Tran',
      'Priya, 6 y/o, came in with her dad',
      'Oliver (4 yo) needs shots',
    ],
  ],
  [
    'phone',
    'a phone number with or without separators',
    [
      '5551234567 is her cell',
      '8475550134 is the son’s number',
      '3125550199 home phone',
      'call back 3125550199',
      'text her at 2145550188',
      'reached the son at 4155550123',
      'her number is 7735550142',
      'left a vm on 6175550111',
      '+13125550199 texted back',
      '+1 (646) 555-0199 is the caregiver',
      '+1-646-555-0187',
      '(312)555-0199 left a voicemail',
      '(312) 5550199',
    ],
  ],
  ['ssn', 'the last four of a social, written with "social"', ['last four of her social 6789 to verify']],
];

describe('identifiers that used to get through', () => {
  it.each(usedToGetThrough.flatMap(([kind, what, texts]) => texts.map((text) => [what, text, kind] as const)))(
    'refuses %s: %s',
    (_what, text, kind) => {
      expect(refusalKinds(screenForPhi(text))).toEqual([kind]);
    },
  );
});

// Text that must pass, by why it might seem not to: [text, why it is not patient information].
const mustPass: Array<[string, Array<[string, string]>]> = [
  [
    'practice talk that looks like those identifiers',
    [
      ['covered the 3/4 shift', 'a shift date'],
      ['room 12', 'a room'],
      ['CPT 99213 coding practice', 'a billing code'],
      ['ICD-10 training', 'a code set'],
      ['front desk ext. 204', 'an extension'],
      ['Prior authorizations', 'a task name'],
      ['Injections', 'a task name'],
      ['Medicare billing', 'a payer in a task name'],
      ['Aetna 99213 pays about $92', 'a payer with a CPT code'],
      ['Medicare 2025 fee schedule', 'a payer with a year'],
      ['BCBS denials are up 12%', 'a payer with a count'],
      ['Group NPI 1234567890 goes in box 33', "the practice's NPI"],
      ['Tax ID 12-3456789 on the W-9', "the practice's tax id"],
      ['Ticket ID 4471882 for the printer', 'an IT ticket'],
      ['Saw 12 patients on Main St today', 'a count before a street name'],
      ['Drove 45 minutes to the Main St clinic', 'a trip'],
      ['Our Elm Street office opens at 7', 'a street name without a number'],
      ['3 way calls with the interpreter', '"way" as a word'],
      ['Scheduled 3 Head CT scans', '"CT" is a scan'],
      ['PO 4471 for gloves', 'a purchase order'],
      ['Worked 7:30-4 Tuesday', 'a shift'],
      ['Call volume was 312 yesterday', 'a count after "call"'],
      ['NPI 1987654321 missing on 3 claims', 'ten digits that are not a phone'],
      ['Ana Lopez trained me on the diabetic foot exam workflow', 'a colleague and a condition named as work'],
      ['Jamal Reed is leading the diabetes education class', 'a colleague teaching'],
      ['Ben Carter is on the COPD project', 'a colleague on a project'],
      ['Mentor topic: coding for 45-year-old preventive visits', 'an age without a name'],
      ['72 y/o male, diabetic, seen in room 4', 'an age and a condition without a name'],
      ['Two female MAs are out on Friday', 'staff described'],
      ["Ana's 10 year work anniversary is 5/9", 'years at work'],
      ['Room 4, 72 yo male', 'a room is not a name'],
      ['posted our last 4 social media updates, 2025 plan next', '"social" that is not a social security number'],
    ],
  ],
  // Edges a user would notice on either side: each case is a shape the screen reads one way on purpose.
  [
    'edges of each shape',
    [
      ['Order 666 12 3456 for gloves', 'no SSN starts with 666'],
      ['Box 000 12 3456 in the stockroom', 'no SSN starts with 000'],
      ['Lot 912 34 5678 of flu vaccine', 'no SSN starts with 9'],
      ['Lot 123 00 4567 of flu vaccine', 'no SSN has a 00 group'],
      ['Lot 123 45 0000 of flu vaccine', 'no SSN has a 0000 serial'],
      ['Lot 123 45 67890 of flu vaccine', 'ten digits are not an SSN'],
      ['chart 2024 review is done', 'a year after "chart"'],
      ['chart #123 is a test chart', 'three digits are not a record number'],
      ['Aetna 1234567 reference for the call', 'seven digits after a payer'],
      ['Humana H12345 form', 'letters and five digits after a payer'],
      ['member 1234 of the team', 'four digits after "member"'],
      ['Batch 123-456-7890 posted', 'no area code starts with 1'],
      ['called about claim batch 1234567890', 'ten digits starting with 1 are not a phone'],
      ['1234567890 number is the NPI', 'nor before "number"'],
      ['Ana Friday 12/20/2024 shift swap', 'a weekday is not a surname'],
      ['Team Lunch 12/20/2024 in the break room', 'office words are not a name'],
      ['Patient Action Plan handouts are in room 3', '"Action" is not a name'],
      ['patient April follow-ups are due', 'a month alone is not a name'],
      ['Ms. Office Manager is out today', 'a job is not a surname'],
      ['HTN recheck slots: ask Ana Lopez', 'a condition before a colleague, said of the visits'],
      ['Front Desk (2 F, 1 M) covers Saturday', 'staff counted by sex is not a name'],
    ],
  ],
  // Where office talk and patient information look alike, the screen leans one way on purpose. These (and the
  // refusals below) pin the choice so that changing it is a decision, not an accident.
  [
    'trade-offs chosen on purpose',
    [
      ['pt maria lopez called', 'lower-case names look like any other words'],
      ['ms smith called', 'bare lower-case "ms" is also milliseconds and MS Teams'],
      ['Dr. Smith 3/4/2024 is out', 'physicians are staff'],
      ['John Smith was born in 1961', 'a birth year alone is not an identifier under Safe Harbor'],
      ['Call the Cigna provider line 1-800-997-1654', 'toll-free lines belong to payers and vendors'],
    ],
  ],
];

// Text that must be refused with exactly these kinds: [text, kinds, why where it is a choice].
const mustRefuse: Array<[string, Array<[string, PhiKind[], string?]>]> = [
  [
    'edges of each shape',
    [
      ['Wrote 123 45 6789 on the intake form', ['ssn']],
      ['guarantor 123.45.6789 on the statement', ['ssn']],
      ['chart #2024 is missing its consent', ['record_number']],
      ['acct 1234 has a credit', ['record_number']],
      ['acct 12024 has a credit', ['record_number']],
      ['acct 20241 has a credit', ['record_number']],
      ['Aetna 12345678 on the card', ['insurance_id']],
      ['Humana H123456 on the card', ['insurance_id']],
      ['member 12345 termed', ['insurance_id']],
      ['Aetna 312-555-0199 is her cell', ['phone']],
      ['Mrs. Lopez 3/4/1950', ['date_of_birth', 'patient_name']],
      ['patient Shipley asked for a refill', ['patient_name']],
    ],
  ],
  [
    'trade-offs chosen on purpose',
    [
      ['Maria Garcia 12/20/2024 covering front desk', ['date_of_birth'], 'a full name beside a full date reads as a birth date'],
      ['Miss Ana was great with the kids', ['patient_name'], 'an honorific with a name is how patients are named'],
      ['our office phone is 555-201-9000', ['phone'], "the screen cannot tell the office's number from a patient's"],
      ['email me at ana.lopez@clinic.example', ['email'], "nor a colleague's address from a patient's"],
    ],
  ],
];

describe.each(mustPass)('%s', (_group, cases) => {
  it.each(cases)('lets through %s (%s)', (text) => {
    expect(screenForPhi(text)).toEqual({ ok: true });
  });
});

describe.each(mustRefuse)('%s', (_group, cases) => {
  it.each(cases)('refuses %s as %j', (text, kinds) => {
    expect(screenForPhi(text)).toEqual({ ok: false, kinds });
  });
});

describe('refusalKinds', () => {
  it.each<[string, PhiKind[]]>([
    ['DOB 3/4/1961, cell 555-123-4567', ['date_of_birth', 'phone']],
    ['Covering the front desk Friday', []],
  ])('gives the kinds found in %s, and nothing for text that passed: %j', (text, kinds) => {
    expect(refusalKinds(screenForPhi(text))).toEqual(kinds);
  });
});

describe('screenForPhi properties', () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.array(fc.constantFrom('patient', 'Mrs.', 'DOB', 'MRN', '#', '555', '-', '/', '12', 'Lopez', ' ', '@', '.'), {
      maxLength: 60,
    }).map((parts) => parts.join('')),
  );

  it('never throws, and answers with known kinds, each once', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const screen = screenForPhi(text);
        if (!screen.ok) {
          expect(screen.kinds.length).toBeGreaterThan(0);
          expect(new Set(screen.kinds).size).toBe(screen.kinds.length);
          for (const kind of screen.kinds) expect(PHI_KINDS).toContain(kind);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('catches a dashed SSN embedded in arbitrary words', () => {
    const digits = (n: number) =>
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const anyWords = fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' })));
    const ssn = fc.tuple(digits(3), digits(2), digits(4)).map(([a, g, s]) => `${a}-${g}-${s}`);
    fc.assert(
      fc.property(anyWords, ssn, fc.nat(), (words, number, at) => {
        const position = at % (words.length + 1);
        const text = [...words.slice(0, position), number, ...words.slice(position)].join(' ');
        const screen = screenForPhi(text);
        expect(screen.ok).toBe(false);
        expect(refusalKinds(screen)).toContain('ssn');
      }),
      { numRuns: 500 },
    );
  });
});
