#!/usr/bin/env python3
"""Writes a large JSONL file of fictional review passages for
bench/tag_throughput.sh, about SIZE_MB of passage text.

usage: make_tag_passages.py OUT.jsonl [SIZE_MB=200] [SEED=7]
       make_tag_passages.py --from EXTRACT.jsonl OUT.jsonl [SIZE_MB=200]

Default ("dense"): {"id","text"} lines built by permuting invented sentences
(no real review text); nearly every sentence names a theme, so this is far
denser in theme words than real reviews.

--from ("real-like"): the passages of `reviewlens extract` output (e.g. of
corpus/sample, which is fictional) with their kind, heading and para,
repeated in order until SIZE_MB is reached: the density of matches of
actual review prose.
"""
import json
import random
import sys

SENTENCES = [
    "The health visitor saw the baby at home and noted a small bruise on his ear.",
    "Mr T moved into the household in the spring, but no agency asked who he was.",
    "Child F told her teacher that she looked after her younger brothers most evenings.",
    "A strategy discussion was held by telephone between police and children's social care.",
    "There was no evidence of exploitation and none is suggested by this review.",
    "The school recorded the absences as authorised and did not ask why he stayed at home.",
    "Mother's depression worsened after the birth and the GP increased her medication.",
    "Police attended three domestic incidents and completed a DASH risk assessment each time.",
    "The family lived on a council site and moved between local areas during the summer.",
    "Practitioners did not explore the family's faith, language or cultural background.",
    "Supervision was cancelled twice because the team manager was covering vacancies.",
    "He was reported missing four times and found each time in another town with cash.",
    "The referral did not mention the previous concerns, so the duty team closed it.",
    "She was referred to the wellbeing service after disclosing thoughts of self-harm.",
    "The review panel met on four occasions between March and July.",
    "His EHCP review was attended by the school alone and health did not contribute.",
    "The children's voices are largely absent from the records of this period.",
    "A core group meeting agreed actions for Mother but none for the father.",
    "The kitchen had new domestic appliances and the garden was well kept.",
    "Nobody asked the children what life at home was like when the adults argued.",
    "The pupil was placed on a reduced timetable for most of the autumn term.",
    "The interpreter was booked late and the meeting went ahead in English.",
    "Records from the previous authority arrived six months after the family moved.",
    "The practitioner felt unable to challenge the decision made at the conference.",
]


def extracted_passages(path):
    passages = []
    for line in open(path, encoding="utf-8"):
        doc = json.loads(line)
        for p in doc.get("passages", [doc] if "text" in doc else []):
            if p.get("text"):
                passages.append({k: p[k] for k in ("text", "kind", "heading", "para") if k in p})
    if not passages:
        sys.exit(f"{path}: no passages")
    return passages


def repeat_extracted(src, out, size):
    passages = extracted_passages(src)
    written = 0
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < size:
            p = passages[n % len(passages)]
            n += 1
            f.write(json.dumps({"id": f"real:{n}", **p}) + "\n")
            written += len(p["text"].encode("utf-8"))
    print(f"{out}: {n} passages ({len(passages)} distinct), {written} bytes of passage text")


def main():
    if sys.argv[1] == "--from":
        size = int(float(sys.argv[4]) * 1_000_000) if len(sys.argv) > 4 else 200_000_000
        repeat_extracted(sys.argv[2], sys.argv[3], size)
        return
    out = sys.argv[1]
    size = int(float(sys.argv[2]) * 1_000_000) if len(sys.argv) > 2 else 200_000_000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    written = 0
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < size:
            n += 1
            text = " ".join(rng.sample(SENTENCES, rng.randint(2, 6)))
            f.write(json.dumps({"id": f"bench:{n}", "text": text}) + "\n")
            written += len(text.encode("utf-8"))
    print(f"{out}: {n} passages, {written} bytes of passage text")


if __name__ == "__main__":
    main()
