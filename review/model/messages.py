"""The classifier commands' messages in Chinese and English (`review model train`, the labelled
files it reads): key → (zh, en), said by review.i18n.t. Keys are unique across every table
(tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- labelled files (corpus.py) --------------------------------------------------------
    "data_missing": ("{path}：文件不存在", "{path}: no such file"),
    "data_empty": ("{path}：没有任何样例（每行应为 标签<TAB>句子）",
                   "{path}: holds no examples (one label<TAB>sentence a line)"),
    "data_no_tab": ("{file}:{line}：标签与句子之间没有制表符（应为 标签<TAB>句子）",
                    "{file}:{line}: no TAB between the label and the sentence (expected "
                    "label<TAB>sentence)"),
    "data_unknown_label": ("{file}:{line}：未知标签“{label}”；标签须为：{labels}",
                           "{file}:{line}: unknown label {label!r}; the labels are {labels}"),
    "data_no_text": ("{file}:{line}：标签“{label}”之后没有句子",
                     "{file}:{line}: no sentence after the label {label!r}"),
    # --- writing a model (train.py) --------------------------------------------------------
    "model_dir_foreign": ("{path} 中有不属于模型的文件（{names}）：新模型会整体替换该目录，请用 "
                          "--out 指定空目录或模型目录",
                          "{path} holds files that are not a model's ({names}): a new model "
                          "replaces the whole directory; give --out an empty or a model "
                          "directory"),
    "model_dir_not_dir": ("{path} 不是目录", "{path} is not a directory"),
    # --- retraining with an organisation's data (retrain.py) -------------------------------
    "retrain_baseline": ("使用中的模型（{model}）的说明卡不是在当前项目语料的留出集上测得的："
                         "先只用项目语料重新训练一次作为“之前”……",
                         "the card of the model in use ({model}) was not measured on this "
                         "corpus's held-out part: training on the corpus alone first, as "
                         "\"before\"…"),
    "retrain_fitting": ("正在训练：项目语料的 {corpus} 句加上本单位的 {extra} 句，在留出的 "
                        "{holdout} 句上比较……",
                        "training on {corpus} sentences of the corpus and {extra} of yours, to "
                        "compare on the {holdout} held out…"),
    "retrain_final": ("正在用全部 {total} 句训练要写入的模型……",
                      "training the model to write on all {total} sentences…"),
    "retrain_holdout_title": ("项目语料留出集（{share}，{size} 句，从不用于训练）："
                              "之前 = {before}；之后 = 加入本单位数据训练的新模型",
                              "held-out part of the corpus ({share}, {size} sentences, never "
                              "trained on): before = {before}; after = the new model with your "
                              "data"),
    "retrain_before_card": ("使用中的模型（{model}，取自其说明卡）",
                            "the model in use ({model}, from its card)"),
    "retrain_before_refit": ("只用项目语料训练的模型", "the model trained on the corpus alone"),
    "retrain_org_title": ("本单位数据的留出部分（{size} 句，新模型训练时未用）：之前 = 使用中的"
                          "模型；之后 = 新模型",
                          "your own data's held-out part ({size} sentences, not trained on by "
                          "the new model): before = the model in use; after = the new model"),
    "retrain_org_none": ("本单位数据只有 {size} 句，太少，未留出部分单独评估（至少 {least} 句）",
                         "your data has only {size} sentences, too few to hold some out for "
                         "figures of their own (at least {least})"),
    "retrain_left_out": ("本单位数据中有 {count} 句与留出集中的句子相同、标签也相同：比较时未用于"
                         "训练（否则新模型等于见过考题）",
                         "{count} of your sentences are held-out sentences with the same label: "
                         "left out of the training compared (the new model would have seen "
                         "the answers)"),
    "retrain_class": ("类别", "class"),
    "retrain_precision": ("精确率", "precision"),
    "retrain_recall": ("召回率", "recall"),
    "retrain_macro_f1": ("宏平均 F1", "macro-F1"),
    "retrain_not_used": ("（之前的模型无此数据）", "(no model in use to compare)"),
    "retrain_written": ("已写入新模型：{path}（说明卡 MODEL_CARD.json 记录了追加数据及前后对比）",
                        "the new model is written to {path} (its MODEL_CARD.json records your "
                        "data and the figures before and after)"),
    "retrain_forced": ("按 --force 写入了新模型，尽管它在留出集上变差：{worse}",
                       "written because of --force, although it is worse on the held-out part: "
                       "{worse}"),
    "retrain_refused": ("新模型在项目语料留出集上变差，未写入任何文件：{worse}（允许的下降为 "
                        "{tolerance}；确需写入请加 --force）",
                        "the new model is worse on the corpus's held-out part; nothing written: "
                        "{worse} (a drop of {tolerance} at most is allowed; --force writes it "
                        "anyway)"),
    "retrain_worse_class": ("{label} 的召回率 {before} → {after}（{change}）",
                            "{label} recall {before} → {after} ({change})"),
    "retrain_worse_macro": ("宏平均 F1 {before} → {after}（{change}）",
                            "macro-F1 {before} → {after} ({change})"),
    "retrain_list": ("{first}；{rest}", "{first}; {rest}"),
    "shared_not_found": ("未找到 {path}：说明卡中没有外部数据评估",
                         "{path} not found: no outside evaluation in the card"),
}
