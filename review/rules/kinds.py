"""The kinds of rule (kept free of imports: the command line names them in its options)."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    LEXICON = "lexicon"            # a curated or organisation term list entry
    COOCCURRENCE = "cooccurrence"  # word classes that together make a phenomenon
    SEQUENCE = "sequence"          # classes, words and slots (money, age …) in order
    DETECTOR = "detector"          # a pattern with a validator (ID cards, phones, links …)
    CLASSIFIER = "classifier"      # the sentence model
    CORRECTION = "correction"      # a wrong → right expression
    FORMULATION = "formulation"    # a canonical formulation that must be exact
    LEADER = "leader"              # leaders' names and titles
    REGION = "region"              # Taiwan, Hong Kong, Macao wording
    SET = "set"                    # fixed enumerations (四个意识 …) and their members
    USAGE = "usage"                # word usage: paired conjunctions, redundancy, negation
    TYPO = "typo"                  # a word one confusable character away from a common one
    GATE = "gate"                  # the CI gate (release attestations)
    PUBLISHED = "published"        # what went out against what was approved
    SUPPRESSION = "suppression"    # what a draft's review-ignore directives did
    READING = "reading"            # what a file holds that its readers are not shown
