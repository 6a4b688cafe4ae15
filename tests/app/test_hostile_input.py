"""Hostile input through the app's own entry points: nothing breaks the session, user text is
shown as typed, and nothing valid is lost."""

from __future__ import annotations

from tests.app.apptest import map_data, run_app, site_picker


def import_text(at, text: str) -> None:
    at.session_state["import_open"] = True
    at.run()
    at.text_area(key="import_text").set_value(text)
    next(b for b in at.button if b.label == "Import").click().run()


def test_an_imported_name_with_a_lone_surrogate_keeps_the_session_working():
    at = run_app(mode="claimed")
    feature = (
        '{"type":"Feature","geometry":{"type":"Point","coordinates":[45.74,48.58]},'
        '"properties":{"name":"evil\\udcff"}}'
    )
    import_text(at, feature)
    assert not at.exception
    assert "evil\ufffd" in site_picker(at).value
    at.run()  # every later rerun, too
    assert not at.exception
    assert "evil\ufffd" in [site["name"] for site in map_data(at)["sites"]]


def test_a_name_typed_with_a_bidi_override_is_stored_without_it():
    at = run_app(mode="claimed")
    at.text_input(key="new_coords").set_value("48.58, 45.74")
    at.text_input(key="new_name").set_value("\u202eexe.gnp")
    next(b for b in at.button if b.label == "Add site").click().run()
    assert not at.exception
    assert "exe.gnp" in [site["name"] for site in map_data(at)["sites"]]
