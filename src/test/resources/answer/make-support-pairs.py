#!/usr/bin/env python3
"""Builds support-pairs.jsonl: labelled (sentence, passage) pairs for tuning CitationChecker.

Passages are taken verbatim from the seed corpus (corpus/*.md) and from MultiHop-RAG's corpus.json
(/work/shared/datasets/multihop-rag); sentences were written by hand. label 1 = the passage supports the
sentence (faithful extract or paraphrase); 0 = it does not (wrong number, wrong person, unsupported claim,
related topic but a different fact, fabricated quotation). Run from the repository root; the output is
committed so tests do not need the shared dataset.
"""
import glob, json, re, sys

def seed(prefix, idx):
    body = open(glob.glob('corpus/%s_*.md' % prefix)[0], encoding='utf-8').read().split('---', 2)[2]
    paras = [p.strip() for p in re.split(r'\n\s*\n|\n', body) if p.strip()]
    return '\n\n'.join(paras[i] for i in idx)

MH = json.load(open(sys.argv[1] if len(sys.argv) > 1 else '/work/shared/datasets/multihop-rag/corpus.json', encoding='utf-8'))
def mh(title_prefix, idx):
    a = [x for x in MH if x['title'].startswith(title_prefix)][0]
    paras = [p.strip() for p in a['body'].split('\n') if p.strip()]
    return '\n\n'.join(paras[i] for i in idx)

P = {
  'S0': seed('000', [0, 1]), 'S1': seed('000', [2, 3]), 'S2': seed('000', [4]), 'S3': seed('000', [6, 7]),
  'S4': seed('001', [5, 6]), 'S5': seed('001', [17, 18, 19]), 'S6': seed('001', [20, 21, 22]),
  'S7': seed('002', [3, 4]), 'S8': seed('002', [6, 7]), 'S9': seed('003', [5, 6]), 'S10': seed('003', [17, 18]),
  'S11': seed('004', [0, 1, 2]), 'S12': seed('004', [4, 5]),
  'M0': mh('Binance to pay', [1, 2]), 'M1': mh('Binance to pay', [3, 4]), 'M2': mh('Everton players and fans', [0, 1]),
  'M3': mh('EU lawmakers bag', [0, 1]), 'M4': mh('One year later, ChatGPT', [1, 2]),
  'M5': mh('What USMNT can expect', [2, 3]), 'M6': mh('2023 Kentucky online', [0]),
}

PAIRS = [
 # S0: Blinken met ~a dozen Jewish leaders at State Department on Tuesday after Iran attack
 ('S0', 1, 'extract', 'Secretary of State Tony Blinken held a meeting at the State Department on Tuesday morning with roughly a dozen Jewish leaders.'),
 ('S0', 1, 'paraphrase', 'Blinken met about a dozen Jewish leaders at the State Department on Tuesday.'),
 ('S0', 1, 'paraphrase', 'Blinken relayed strong support for Israel in the face of threats from Iran.'),
 ('S0', 1, 'paraphrase', 'Attendees expressed gratitude to the U.S. for coming to Israel’s defense.'),
 ('S0', 0, 'wrong-number', 'Blinken met roughly forty Jewish leaders at the State Department on Tuesday.'),
 ('S0', 0, 'wrong-person', 'Defense Secretary Lloyd Austin held a meeting at the State Department with Jewish leaders.'),
 ('S0', 0, 'unsupported', 'Blinken promised the leaders that the U.S. would join an Israeli strike on Iran.'),
 # S1: hour-long meeting, no unified vision, Gaza daylight
 ('S1', 1, 'paraphrase', 'The hour-long meeting drew representatives from across the ideological and religious spectrum of the Jewish community.'),
 ('S1', 1, 'paraphrase', 'Participants did not present a unified vision about how the U.S. should deal with Iran.'),
 ('S1', 1, 'paraphrase', 'Some attendees criticised the daylight that has emerged between the U.S. and Israel over Gaza.'),
 ('S1', 0, 'unsupported', 'The participants agreed on a joint statement urging an Israeli counter-attack.'),
 ('S1', 0, 'wrong-number', 'The three-hour meeting was attended by representatives from across the Jewish community.'),
 ('S1', 0, 'related', 'Blinken told the attendees that Hamas had rejected the latest hostage offer.'),
 # S2: Spitalnick quote
 ('S2', 1, 'quote', 'Amy Spitalnick said the administration’s commitment to Israel’s defense “was real and deeply appreciated.”'),
 ('S2', 1, 'paraphrase', 'Amy Spitalnick, CEO of the Jewish Council for Public Affairs, said there was universal gratitude for the administration’s commitment to Israel.'),
 ('S2', 0, 'fabricated-quote', 'Amy Spitalnick said “the administration has abandoned Israel in its hour of need.”'),
 ('S2', 0, 'wrong-person', 'Deborah Lipstadt, CEO of the Jewish Council for Public Affairs, said there was universal gratitude for the administration.'),
 ('S2', 0, 'unsupported', 'Spitalnick said Jewish leaders agreed on every detail of how to handle Gaza.'),
 # S3: hostage talks not hopeful; meeting arranged last week; 10 days of preparation
 ('S3', 1, 'paraphrase', 'Blinken gave an update on hostage negotiations, but the tone was not hopeful.'),
 ('S3', 1, 'paraphrase', 'The meeting was arranged last week, before Iran’s attack.'),
 ('S3', 1, 'paraphrase', 'The White House said the administration spent the previous 10 days preparing for the threatened attack.'),
 ('S3', 0, 'wrong-number', 'The White House said the administration spent the previous three weeks preparing for the attack.'),
 ('S3', 0, 'unsupported', 'Blinken said a hostage deal was expected within days.'),
 ('S3', 0, 'related', 'Hamas accepted the American and Israeli hostage offers.'),
 # S4: long in-depth private meeting; sixth visit since Oct 7
 ('S4', 1, 'paraphrase', 'Blinken and Netanyahu held a long and in-depth private meeting in Jerusalem on Wednesday.'),
 ('S4', 1, 'paraphrase', 'It was Blinken’s sixth visit to Israel since the Oct. 7 massacre.'),
 ('S4', 1, 'quote', 'The Prime Minister’s Office said the two “held a long and in-depth meeting in private.”'),
 ('S4', 0, 'wrong-number', 'It was Blinken’s fourth visit to Israel since the Oct. 7 massacre.'),
 ('S4', 0, 'wrong-person', 'Blinken and Benny Gantz held a long and in-depth private meeting in Jerusalem.'),
 ('S4', 0, 'fabricated-quote', 'The Prime Minister’s Office said the meeting “ended without any agreement at all.”'),
 # S5: Hamas response, impossible conditions, Israel won't stop fighting
 ('S5', 1, 'paraphrase', 'Hamas announced its response to a proposed hostages-for-ceasefire deal on Tuesday night.'),
 ('S5', 1, 'paraphrase', 'Senior officials in Jerusalem said Hamas was demanding “impossible conditions” from Israel.'),
 ('S5', 1, 'quote', 'Israeli officials said “Israel will not stop the fighting.”'),
 ('S5', 0, 'unsupported', 'Israel accepted the framework negotiated by Doha and Cairo.'),
 ('S5', 0, 'fabricated-quote', 'Israeli officials said “we are ready to accept a permanent ceasefire.”'),
 ('S5', 0, 'related', 'Hamas released all of the remaining hostages on Tuesday night.'),
 # S6: Blinken says agreement possible and essential; 136 hostages
 ('S6', 1, 'paraphrase', 'Blinken said an agreement is possible and indeed essential.'),
 ('S6', 1, 'paraphrase', 'Israel says it will keep trying to eradicate Hamas and return some 136 hostages still being held.'),
 ('S6', 1, 'paraphrase', 'The Biden administration was reviewing Hamas’s response, Blinken said.'),
 ('S6', 0, 'wrong-number', 'Israel aims to return some 240 hostages still being held in Gaza.'),
 ('S6', 0, 'unsupported', 'Israel agreed to a permanent ceasefire with Hamas.'),
 ('S6', 0, 'wrong-person', 'Netanyahu said an agreement is possible and indeed essential.'),
 # S7: Blinken told Jewish leaders response should be limited; smart strategic limited
 ('S7', 1, 'paraphrase', 'Blinken told American Jewish leaders that Israel’s response to Iran should be limited.'),
 ('S7', 1, 'paraphrase', 'According to Axios, Blinken said escalating the conflict between Israel and Iran serves neither Washington nor Jerusalem.'),
 ('S7', 1, 'quote', 'Blinken advised that any Israeli response should be “smart, strategic, and as limited as possible.”'),
 ('S7', 0, 'unsupported', 'Blinken urged Israel to strike Iran’s nuclear facilities.'),
 ('S7', 0, 'wrong-person', 'Joe Biden told American Jewish leaders in an off-the-record meeting that Israel’s response should be limited.'),
 ('S7', 0, 'related', 'Iran launched over 350 drones and missiles at Israel.'),
 # S8: Iran attack, 350 drones, 99 percent intercepted, US UK Jordan France
 ('S8', 1, 'paraphrase', 'Iran launched over 350 drones, ballistic missiles and cruise missiles at Israel.'),
 ('S8', 1, 'paraphrase', 'Israel, joined by the US, UK, Jordan and France, intercepted 99 percent of the onslaught.'),
 ('S8', 1, 'paraphrase', 'Iran had promised to retaliate for an air strike on its consulate in Damascus on April 1.'),
 ('S8', 0, 'wrong-number', 'Iran launched over 1,000 drones and missiles at Israel.'),
 ('S8', 0, 'wrong-number', 'About 80 percent of the Iranian onslaught was intercepted.'),
 ('S8', 0, 'wrong-person', 'Israel was joined by Germany and Italy in intercepting the attack.'),
 ('S8', 0, 'unsupported', 'The Iranian attack killed dozens of Israeli civilians.'),
 # S9: Blinken told Gantz; Miller
 ('S9', 1, 'paraphrase', 'Blinken told Benny Gantz on Tuesday that the Biden administration wants to prevent further escalation in the Middle East.'),
 ('S9', 1, 'quote', 'State Department spokesman Matthew Miller said “we do not want to see further escalation of the conflict.”'),
 ('S9', 0, 'wrong-person', 'Blinken told Yair Lapid that the administration wants to prevent further escalation.'),
 ('S9', 0, 'fabricated-quote', 'Matthew Miller said “we will support any Israeli response to Iran.”'),
 ('S9', 0, 'unsupported', 'Gantz told Blinken that Israel would not respond to Iran.'),
 # S10: War Cabinet painful response; Hagari time and place
 ('S10', 1, 'paraphrase', 'Israel’s War Cabinet is deciding on a “painful” response to the Islamic Republic.'),
 ('S10', 1, 'quote', 'IDF Spokesman Daniel Hagari said the military will respond “at the time and place of our choosing.”'),
 ('S10', 1, 'paraphrase', 'Netanyahu insisted on Tuesday that Jerusalem is determined to achieve victory over its enemies.'),
 ('S10', 0, 'wrong-person', 'Benny Gantz said the military will respond at the time and place of its choosing.'),
 ('S10', 0, 'unsupported', 'Israel has already struck Iranian territory in response.'),
 ('S10', 0, 'fabricated-quote', 'Hagari said the military “will not respond to the Iranian attack.”'),
 # S11: 2021 Jerusalem meetings
 ('S11', 1, 'paraphrase', 'Blinken began a series of meetings in Jerusalem aimed at securing the Israel-Hamas ceasefire.'),
 ('S11', 1, 'quote', 'Blinken called his meeting with Netanyahu a “very, very good conversation.”'),
 ('S11', 1, 'paraphrase', 'Blinken said Biden sent him to Jerusalem to demonstrate the commitment of the United States to Israel’s security.'),
 ('S11', 0, 'fabricated-quote', 'Blinken called his meeting with Netanyahu “a tense and difficult exchange.”'),
 ('S11', 0, 'wrong-person', 'Blinken began the day with a meeting with Palestinian President Mahmoud Abbas.'),
 ('S11', 0, 'unsupported', 'Blinken announced $500 million in new aid for Gaza reconstruction.'),
 # S12: losses profound; crystal clear
 ('S12', 1, 'quote', 'Blinken said that in the latest fighting “losses on both sides were profound.”'),
 ('S12', 1, 'paraphrase', 'Blinken said Biden made it crystal clear that he supports Israel’s right to self-defence against Hamas rockets.'),
 ('S12', 1, 'paraphrase', 'Blinken said the two countries will work together to counter Iran’s destabilizing influence.'),
 ('S12', 0, 'unsupported', 'Blinken said the US would cut military aid to Israel.'),
 ('S12', 0, 'wrong-person', 'Netanyahu said that in the latest fighting losses on both sides were profound.'),
 # M0: Binance CZ steps down, Teng new CEO
 ('M0', 1, 'paraphrase', 'Changpeng Zhao stepped down as CEO of Binance and pleaded guilty.'),
 ('M0', 1, 'paraphrase', 'Richard Teng will be Binance’s new CEO.'),
 ('M0', 1, 'quote', 'Zhao said stepping down “is the right thing to do.”'),
 ('M0', 1, 'paraphrase', 'Zhao appeared in a Seattle federal court on Tuesday to enter his plea.'),
 ('M0', 0, 'wrong-person', 'Sam Bankman-Fried will be Binance’s new CEO.'),
 ('M0', 0, 'wrong-place', 'Zhao appeared in a Miami federal court on Tuesday to enter his plea.'),
 ('M0', 0, 'fabricated-quote', 'Zhao said “I did nothing wrong and I will fight these charges.”'),
 # M1: $4.3 billion; $1.8 billion credited
 ('M1', 1, 'paraphrase', 'Binance agreed to pay about $4.3 billion to resolve the DOJ’s investigations.'),
 ('M1', 1, 'paraphrase', 'Binance will credit about $1.8 billion toward its resolutions with FinCEN, OFAC and the CFTC.'),
 ('M1', 0, 'wrong-number', 'Binance agreed to pay about $2.5 billion to resolve the DOJ’s investigations.'),
 ('M1', 0, 'unsupported', 'Binance will shut down its operations in the United States.'),
 ('M1', 0, 'related', 'Changpeng Zhao will serve a prison sentence of ten years.'),
 # M2: Everton 10 points, £19.5m
 ('M2', 1, 'paraphrase', 'Everton received a 10-point penalty for breaching Premier League financial rules.'),
 ('M2', 1, 'paraphrase', 'Sean Dyche described the deduction as disproportionate and unjust.'),
 ('M2', 1, 'paraphrase', 'The sanction was imposed for a £19.5m overspend in 2021-22.'),
 ('M2', 0, 'wrong-number', 'Everton received a six-point penalty for breaching financial rules.'),
 ('M2', 0, 'wrong-number', 'The sanction was imposed for a £35m overspend in 2021-22.'),
 ('M2', 0, 'wrong-person', 'Kevin Thelwell described the deduction as disproportionate and unjust.'),
 ('M2', 0, 'unsupported', 'Everton’s appeal against the penalty was rejected.'),
 # M3: EU AI deal
 ('M3', 1, 'paraphrase', 'European Union lawmakers clinched a political deal on a risk-based framework for regulating artificial intelligence.'),
 ('M3', 1, 'paraphrase', 'The file was originally proposed in April 2021.'),
 ('M3', 1, 'paraphrase', 'The final talks stretched to almost three days.'),
 ('M3', 0, 'wrong-number', 'The AI file was originally proposed in April 2019.'),
 ('M3', 0, 'unsupported', 'The AI law bans all facial recognition by police.'),
 ('M3', 0, 'related', 'Ursula von der Leyen called the AI Act a global first.'),
 # M4: ChatGPT
 ('M4', 1, 'paraphrase', 'OpenAI released ChatGPT a year ago as a low-key research preview.'),
 ('M4', 1, 'paraphrase', 'ChatGPT was initially built on top of GPT-3.5.'),
 ('M4', 1, 'paraphrase', 'ChatGPT became the fastest-growing consumer app in history.'),
 ('M4', 0, 'wrong-number', 'ChatGPT was initially built on top of GPT-4.'),
 ('M4', 0, 'wrong-person', 'Google released ChatGPT a year ago as a low-key research preview.'),
 ('M4', 0, 'unsupported', 'ChatGPT has more than one billion weekly users.'),
 # M5: Nagelsmann
 ('M5', 1, 'paraphrase', 'Julian Nagelsmann has taken over as Germany head coach.'),
 ('M5', 1, 'paraphrase', 'Nagelsmann is 36 years old.'),
 ('M5', 1, 'paraphrase', 'Nagelsmann was sacked by Bayern Munich in March of 2023.'),
 ('M5', 0, 'wrong-number', 'Nagelsmann is 42 years old.'),
 ('M5', 0, 'wrong-person', 'Hansi Flick was sacked by Bayern Munich in March of 2023.'),
 ('M5', 0, 'unsupported', 'Nagelsmann won the Champions League with Bayern Munich.'),
 # M6: Kentucky betting
 ('M6', 1, 'paraphrase', 'Upwards of $250 million was wagered in Kentucky in roughly the first month.'),
 ('M6', 1, 'paraphrase', 'Roughly 500,000 mobile accounts were created for online sportsbooks in Kentucky.'),
 ('M6', 0, 'wrong-number', 'Upwards of $900 million was wagered in Kentucky in the first month.'),
 ('M6', 0, 'unsupported', 'Kentucky bans prop bets on college sports.'),
]

with open('src/test/resources/answer/support-pairs.jsonl', 'w', encoding='utf-8') as out:
    for pid, label, kind, sentence in PAIRS:
        out.write(json.dumps({'passageId': pid, 'label': label, 'kind': kind, 'sentence': sentence,
                              'passage': P[pid]}, ensure_ascii=False) + '\n')
print(len(PAIRS), 'pairs,', sum(p[1] for p in PAIRS), 'positive')
