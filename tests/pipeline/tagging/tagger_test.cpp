// The bundled taxonomy on short fictional passages: one clear case per
// theme, the assertion context both ways, and evidence spans.
#include <string>

#include <catch2/catch.hpp>

#include "pipeline/tagging/tagger.h"
#include "pipeline/text/normalise.h"

using namespace reviewlens;
using namespace reviewlens::tagging;

namespace {

const Tagger& bundled() {
  static const Tagger tagger(load_taxonomy_or_throw(""));
  return tagger;
}

Passage tagged(const std::string& raw, std::string heading = {}) {
  Passage p;
  p.id = "t:1";
  p.text = text::normalise(raw);
  p.heading = std::move(heading);
  bundled().tag(p);
  return p;
}

bool has(const Passage& p, const std::string& theme) {
  return std::find(p.themes.begin(), p.themes.end(), theme) != p.themes.end();
}

}  // namespace

TEST_CASE("Tagger: bundled rules tag clear fictional passages", "[tagging][tagger]") {
  auto [theme, text] = GENERATE(table<std::string, std::string>({
      {"domestic_abuse", "Police were called after Mr Y punched his partner; the case went to MARAC."},
      {"babies", "The eight-week-old infant was found with bruising although she was non-mobile."},
      {"risks_outside_family", "Child P, 15, was reported missing three times and found carrying drugs on a county lines route."},
      {"young_carers", "Child G was a young carer for her father and nobody offered a carer's assessment."},
      {"gypsy_roma_traveller", "The family were Irish Travellers living on a council site."},
      {"not_in_school", "After a permanent exclusion he was placed on a part-time timetable."},
      {"child_mental_health", "She was referred to CAMHS after an episode of self-harm."},
      {"parental_mental_health", "Mother was under the community mental health team for bipolar disorder."},
      {"multi_agency_working", "A strategy discussion was held but education was not invited."},
      {"information_sharing", "The health visitor was unaware of the police information because it was never shared."},
      {"race_ethnicity_culture", "A professional interpreter was not booked, so her son translated."},
      {"disability_health_needs", "Child W, who has cerebral palsy and an EHCP, missed several clinic appointments."},
      {"leadership_culture", "The social worker had a caseload of thirty and supervision was often cancelled."},
      {"child_lived_experience", "Nobody recorded the child's wishes and feelings or saw him alone."},
  }));
  auto p = tagged(text);
  INFO(text);
  CHECK(has(p, theme));
}

TEST_CASE("Tagger: ruled-out topics carry no theme, absences that are findings do",
          "[tagging][tagger]") {
  CHECK_FALSE(has(tagged("There was no evidence of exploitation at any stage."), "risks_outside_family"));
  CHECK_FALSE(has(tagged("Domestic abuse was not a feature of this case."), "domestic_abuse"));
  CHECK(has(tagged("No strategy meeting was held despite the injury."), "multi_agency_working"));
  CHECK(has(tagged("The father was never spoken to and was not included in the assessment."), "whole_family"));
}

TEST_CASE("Tagger: exclusions and acronyms avoid everyday words", "[tagging][tagger]") {
  CHECK_FALSE(has(tagged("She asked the school to send the letter home."), "disability_health_needs"));
  CHECK_FALSE(has(tagged("The flat had new domestic appliances."), "domestic_abuse"));
  CHECK(has(tagged("His SEND needs were not assessed."), "disability_health_needs"));
}

TEST_CASE("Tagger: procedural sentences carry no theme, described practice does",
          "[tagging][tagger]") {
  const std::string method =
      "The lead reviewer read the agency chronologies and the minutes of every strategy meeting "
      "and child protection conference.";
  CHECK(tagged(method).themes.empty());
  CHECK(has(tagged("No strategy meeting was held and the health visitor was not invited."),
            "multi_agency_working"));
}

TEST_CASE("Tagger: themes described without their labels", "[tagging][tagger]") {
  CHECK(has(tagged("Nobody asked who else lived in the household, and Mr T, her new partner, "
                   "was never assessed."),
            "whole_family"));
  CHECK(has(tagged("Child J, aged 12, looked after her younger brothers every evening and got "
                   "them ready for school."),
            "young_carers"));
  CHECK(has(tagged("Staff put his absences down to the family's culture and never asked them."),
            "race_ethnicity_culture"));
}

TEST_CASE("Tagger: themes are sorted and evidence points into the text", "[tagging][tagger]") {
  auto p = tagged("The baby's father had a history of domestic abuse and the midwife did not share it.");
  REQUIRE(p.themes.size() >= 2);
  CHECK(std::is_sorted(p.themes.begin(), p.themes.end()));
  for (const auto& hit : p.hits) {
    REQUIRE(hit.end <= p.text.size());
    CHECK(hit.start < hit.end);
    CHECK(std::find(p.themes.begin(), p.themes.end(), hit.theme) != p.themes.end());
  }
  auto da = std::find_if(p.hits.begin(), p.hits.end(), [](const ThemeHit& h) { return h.theme == "domestic_abuse"; });
  REQUIRE(da != p.hits.end());
  CHECK(p.text.substr(da->start, da->end - da->start) == "domestic abuse");
}

TEST_CASE("Tagger: strategic themes only in recommendations or learning", "[tagging][tagger]") {
  const std::string text = "The partnership should commission early help and evaluate its impact through audit.";
  CHECK_FALSE(has(tagged(text, "Background"), "getting_upstream"));
  auto p = tagged(text, "Recommendations");
  CHECK(has(p, "getting_upstream"));
  CHECK(has(p, "assessing_effectiveness"));
}

// Taxonomy 2024.4: how reviews say whether the child was seen, heard and
// known, in constructions rather than one case's words. Passages are
// fictional; each names the construction it stands for.
TEST_CASE("Tagger: child_lived_experience from general constructions", "[tagging][tagger]") {
  auto text = GENERATE(as<std::string>{},
      // seen or spoken to alone, by pronoun
      "She was never seen alone by her social worker, and visits were arranged in advance.",
      "Neither sibling was spoken to on their own during the assessment.",
      // practitioners did not ask / speak to the child (base-form verbs)
      "Professionals did not ask Child D about his wishes before he returned home.",
      "Practitioners did not speak to Child T about the bruising.",
      // the child's voice named after the noun, and the child's account
      "The voice of Child C is largely missing from agency records.",
      "Child G's account of the evening was not recorded.",
      // the child lost from view
      "Practitioners lost sight of Child F as their work shifted to Mother's housing and debt.",
      "The focus was on the adults rather than on the children throughout the assessment.",
      // behaviour read as communication
      "His behaviour at school was seen as defiance rather than as a way of telling adults that "
      "something was wrong.",
      // what a day was like, a child with nobody to tell, arriving hungry
      "It is hard to find any picture of what an ordinary day was like for Child M.",
      "Child D told her teacher that she had nobody to talk to about home.",
      "Child B often arrived at nursery hungry and in the same clothes as the day before.",
      "Teachers described Child C as a quiet, withdrawn girl.");
  INFO(text);
  CHECK(has(tagged(text), "child_lived_experience"));
}

TEST_CASE("Tagger: child_lived_experience not for routine sightings or adults",
          "[tagging][tagger]") {
  auto text = GENERATE(as<std::string>{},
      // seeing a child for a health check is not knowing the child's life
      "The GP saw the child for a routine eight-week check and recorded no concerns.",
      "Police attended and saw the children, who were asleep upstairs.",
      // an adult not seen alone, an adult's views, an adult arriving
      "Mr B was never seen alone by probation and his account was accepted.",
      "Father's views were not sought, and he was not invited to the conference.",
      "Mr B arrived at the contact centre smelling of alcohol.",
      "Mother had nobody to turn to after her own mother died.",
      // a crying baby is the babies theme; a baby not seen is left to it
      "The baby cried constantly during the first month.",
      "The health visitor did not see Baby K in person until she was three months old.");
  INFO(text);
  CHECK_FALSE(has(tagged(text), "child_lived_experience"));
}

TEST_CASE("Tagger: a child's words on arrest are an account to police, not the child's voice",
          "[tagging][tagger]") {
  CHECK(has(tagged("Child Q said he was frightened of the older boys."), "child_lived_experience"));
  CHECK_FALSE(has(tagged("Police: Child Q (15) arrested at the station with cash and two phones. "
                         "Child Q said he had been visiting a friend."),
                  "child_lived_experience"));
}

TEST_CASE("Tagger: a parent worried about the child's low mood is not parental mental health",
          "[tagging][tagger]") {
  CHECK_FALSE(has(tagged("Mother was concerned about Child A's low mood and took him to the GP."),
                  "parental_mental_health"));
  CHECK(has(tagged("Mother's low mood worsened after the birth and she stopped going out."),
            "parental_mental_health"));
}

TEST_CASE("Tagger: controlling behaviour, caring for an ill parent, a child's self-injury",
          "[tagging][tagger]") {
  CHECK(has(tagged("Mr D controlled the family's money and did not allow Mother to see her friends."),
            "domestic_abuse"));
  CHECK(has(tagged("Neighbours made several reports of shouting and banging at the flat."), "domestic_abuse"));
  // A teenager keeping his phone from his mother is not abuse of her.
  CHECK_FALSE(has(tagged("He had a second phone that he would not let her see."), "domestic_abuse"));
  CHECK(has(tagged("Nobody recognised that Child H was looking after her disabled father."), "young_carers"));
  CHECK(has(tagged("Child L had been cutting her arms since Year 8."), "child_mental_health"));
  CHECK(has(tagged("By the spring Child Q had stopped eating at school."), "child_mental_health"));
  CHECK_FALSE(has(tagged("Mother had stopped eating properly after the separation."), "child_mental_health"));
}

TEST_CASE("Tagger: training gaps, choices, deregistration; a BSL interpreter is not race",
          "[tagging][tagger]") {
  CHECK(has(tagged("Staff had not received any training on working with fathers."), "leadership_culture"));
  CHECK(has(tagged("The health visitor felt unable to disagree with the paediatrician's view."),
            "leadership_culture"));
  CHECK(has(tagged("Child E was seen as making lifestyle choices rather than as a victim."),
            "risks_outside_family"));
  CHECK(has(tagged("The parents deregistered Child Z to avoid a fine."), "not_in_school"));
  CHECK_FALSE(has(tagged("Child T, who is deaf, was not offered a British Sign Language interpreter."),
                  "race_ethnicity_culture"));
  CHECK(has(tagged("No interpreter was booked although Mother spoke little English."), "race_ethnicity_culture"));
}
