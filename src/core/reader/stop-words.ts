// Words that never change a figure: grammar (read silently) and filler (read, and listed as unread).
//
// The rule. Every word of a question must be read as something — a measure, a dimension, a rank, a
// period, a comparison, a stored name — or be one of these two general classes:
//  - STOP_WORDS: English and Hinglish/Tamil-English function words (articles, pronouns, auxiliaries,
//    prepositions, question words, "show/tell/give" request verbs, "total/overall"). They carry the
//    grammar of a question, not its content, so they are read silently.
//  - FILLER_WORDS: politeness, greetings, forms of address and interjections ("please", "bro", "ji",
//    "yaar", "thanks"). They cannot change a figure either, but they are not part of the question, so
//    the reading lists them in `unread` for the answer to pass over.
// Any other word the reader cannot place makes it decline rather than answer a different question.
// Both lists are general language, not phrases from any test suite; words that carry meaning
// (which, who, by, per, most, than, will, kal, ...) live in the lexicon, not here.

const list = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

export const STOP_WORDS = list(`
  a an the this that these those there here it its it's
  i i'm me my mine myself we we're us our ours ourselves you your yours they them their he him his she her
  is am are was were be been being do does did done doing have has had having get gets got getting
  can could would should shall might must let lets let's
  what what's whats when where where's how how's
  of in on at to from for with about into onto over during through across along within
  and or but so if then also too as
  very really just only even still actually exactly roughly approximately about around nearly almost
  all any some whole entire full complete total totals overall altogether combined sum net
  much lot lots bit little
  show shows showing tell give gives find see check know want need display fetch pull calculate compute
  look looking list say count given gave giving happen happened came come comes go going went goes gone use used using recorded booked
  like
  perform performs performing performed performance
  figure figures number numbers data details detail info information stats statistics
  thing things stuff everything anything something
  now currently yet ever far time period
  there's it's that's isn't wasn't weren't aren't don't doesn't didn't
  ok
  kya tha thi the hai hain ho hua hui hue raha rahi rahe gaya gayi gaye kiya kiye ki ka ke ko
  ne se mein me par pe aur ya bhi toh to tak liye wala wale wali apna apne apni hamara hamare hamari humara humare humne hum
  maine mera meri mere sab kul kuch bata batao bataiye batana dikha dikhao dikhaiye chahiye do de dijiye
  enna irukku iruku irundhuchu aachu achu la le oda ku kku nu sollu sollunga kaatu kaattu
  namma nammoda
`);

export const FILLER_WORDS = list(`
  please pls plz plzz kindly thanks thank thankyou thx ty cheers
  hi hii hello hey hola namaste vanakkam
  bro bhai bhaiya boss sir madam maam ma'am ji yaar yar dude buddy dear team guys anna akka machi machan da
  titan
  arre arey acha accha achha haan han hmm hmmm umm uh oh
  quickly quick asap urgent urgently jaldi fast
`);

/** True for words that carry no content of the question (stop words and filler). */
export const isEmptyWord = (word: string): boolean => STOP_WORDS.has(word) || FILLER_WORDS.has(word);
