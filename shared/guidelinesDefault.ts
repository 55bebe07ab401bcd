// The guidelines a project has until its lead writes its own: the fine-grained hateful memes
// task's definitions, written for Meme Jury in its own words, with short schematic examples.
// Structured as shared/guidelines.ts expects: one level-2 heading per label, its definition
// first, its examples under "### Examples".

export const DEFAULT_GUIDELINES = `# Annotation guidelines

These guidelines explain every label you give a meme. Read the picture and its caption together:
a meme is often hateful only through the combination, while each part alone is harmless. Judge
what the meme says about people, not whether you find it funny or in poor taste.

Each label below starts with its definition. Examples follow under "Examples"; they describe
hateful content in neutral words and stay hidden until you choose to open them.

When you are unsure, pick the reading most people would take from the meme, and flag it (F) or
add a note (C) for the lead.

# Hateful or not

## Hateful

A meme is hateful when it attacks people, directly or indirectly, because of a protected
characteristic: race or ethnicity, disability or illness, religion, nationality or immigration
status, or sex, gender identity or sexual orientation. The attack can be open, or carried by a
comparison, an insinuation or a "joke" that only works if the group is held in contempt. Mocking
a hate crime or its victims is hateful too. Once you choose hateful, say which categories are
attacked and how.

### Examples

- A caption calling a whole religious group a plague, over a crowd at prayer.
- A picture of an ethnic group with a caption that says they should all go back where they came from.

## Not hateful

A meme is not hateful when it attacks no one for a protected characteristic. That includes
attacks on an individual for something that is not protected (a politician's record, a
celebrity's outfit), criticism of ideas, beliefs, policies or institutions that does not demean
the people who hold them, attacks on hate groups, counter-speech that quotes hate to reject it,
and memes that merely show people of a group without demeaning them. Rude, crude or offensive is
not enough: the attack must be aimed at people because of who they are.

### Examples

- A caption mocking a named minister's tax plan.
- A caption arguing that a religion's leaders are wrong about a policy, without disparaging its believers.
- A meme ridiculing a white-supremacist group.

# Protected categories

Choose every category the meme attacks (at least one for a hateful meme).

## Race

Race, ethnicity, skin colour or descent: attacks on people as members of a racial or ethnic group.

### Examples

- A caption claiming people of one skin colour are all criminals.

## Disability

Physical or mental disability, and illness or disease: attacks on people because they are
disabled, ill, or perceived as such.

### Examples

- A caption using a wheelchair user's photo to say disabled people are a burden to be got rid of.

## Religion

Religious belief or affiliation, including having none: attacks on people because of their faith,
not criticism of a religion's ideas.

### Examples

- A caption comparing the followers of a religion to vermin.

## Nationality

Nationality, national origin, citizenship or immigration status: attacks on people because of the
country they or their families come from, or because they are immigrants or refugees.

### Examples

- A caption saying refugees from one country are parasites living off others.

## Sex

Sex, gender, gender identity and sexual orientation: attacks on women, men, transgender or
non-binary people, or gay, lesbian or bisexual people, because of that.

### Examples

- A caption saying women are too stupid to be allowed to vote.

# Attack types

Choose every way the meme attacks (at least one for a hateful meme).

## Dehumanizing

Violent or dehumanizing speech: describing people as animals, insects, diseases, filth or objects,
or as less than human.

### Examples

- A caption comparing a religious group to vermin.
- A photo of an animal captioned as a member of an ethnic group.

## Inferiority

Statements of inferiority: claiming a group is less intelligent, less capable, less moral or
otherwise worth less than others.

### Examples

- A caption claiming people of one nationality cannot learn anything.

## Contempt

Expressions of contempt, disgust or dismissal: showing that a group is despised, repulsive or not
worth taking seriously, without necessarily claiming it is inferior.

### Examples

- A caption reacting with disgust to a same-sex couple holding hands.

## Mocking

Mocking people for a protected characteristic, or mocking hate crimes and their victims: humour
whose target is the group itself.

### Examples

- A caption imitating the accent of an immigrant group to ridicule it.
- A joke whose punchline is a historic persecution of a people.

## Slurs

Slurs: words or symbols that insult a group by naming it, including coded or altered spellings of
them.

### Examples

- A caption that names a group only by a well-known derogatory nickname.

## Exclusion

Calls for exclusion or segregation: saying a group should be kept out of a country, a place, a job
or public life, or kept apart from others.

### Examples

- A caption saying people of one religion should be banned from entering the country.

## Inciting violence

Inciting violence: calling for, threatening, praising or wishing for violence or harm against a
group.

### Examples

- A caption calling on readers to attack members of an ethnic group.
`;
