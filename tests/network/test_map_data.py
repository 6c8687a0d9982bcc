from fabrique.network.enums import StructureStatus
from fabrique.network.map import build_map, strongest_status
from fabrique.territories import shapes
from fabrique.territories.shapes import code_sort_key, load_canvas
from tests.factories import StructureFactory


def by_code(data):
    return {dep.code: dep for dep in data.departements}


def test_the_shipped_svg_gives_the_96_metropolitan_shapes_and_five_overseas_insets():
    canvas = load_canvas()
    assert len(canvas.paths) == 96
    assert {"2A", "2B", "29", "75", "95"} <= set(canvas.paths)
    assert not any(code.startswith("97") for code in canvas.paths)
    assert list(canvas.insets) == ["971", "972", "973", "974", "976"]


def test_the_view_box_is_enlarged_to_the_left_to_hold_the_insets_column():
    canvas = load_canvas()
    min_x, min_y, width, height = (float(v) for v in canvas.view_box.split())
    assert min_x < 0 and (min_y, height) == (0, 585) and width == 613 - min_x
    boxes = list(canvas.insets.values())
    assert all(min_x <= box.x and box.x + box.size < 0 for box in boxes)
    assert all(a.y + a.size < b.y for a, b in zip(boxes, boxes[1:], strict=False))
    assert boxes[-1].y + boxes[-1].size <= height


def test_the_svg_file_is_read_once_per_process(db, monkeypatch):
    load_canvas()
    calls = []
    monkeypatch.setattr(shapes.ET, "parse", lambda *args: calls.append(args))
    build_map(None)
    build_map(None)
    assert calls == []


def test_every_departement_of_the_reference_is_on_the_map_in_insee_order(db):
    data = build_map(None)
    codes = [dep.code for dep in data.departements]
    assert len(codes) == 101
    assert codes[18:22] == ["19", "2A", "2B", "21"]
    assert codes[-5:] == ["971", "972", "973", "974", "976"]
    assert all(dep.path or dep.inset for dep in data.departements)


def test_a_labelled_and_an_experimenting_structure_in_the_same_departement_make_it_labelled(db):
    StructureFactory(name="Fabrique A", slug="fabrique-a", departements=["29"], experimenting=True)
    StructureFactory(name="Fabrique B", slug="fabrique-b", departements=["29"], labelled=True)
    dep = by_code(build_map(None))["29"]
    assert dep.status == StructureStatus.LABELLED
    assert dep.status_class == "status-labelled"
    assert [s.slug for s in dep.structures] == ["fabrique-b", "fabrique-a"]


def test_the_strongest_status_wins_in_the_order_labelled_experimenting_candidate_withdrawn():
    assert strongest_status(["withdrawn", "candidate"]) == "candidate"
    assert strongest_status(["withdrawn", "experimenting", "candidate"]) == "experimenting"
    assert strongest_status(["withdrawn"]) == "withdrawn"
    assert strongest_status([]) is None


def test_a_departement_without_structure_has_no_status_and_no_link(db):
    dep = by_code(build_map(None))["48"]
    assert (dep.status, dep.url, dep.structures) == (None, None, ())
    assert dep.status_class == "status-none"


def test_one_structure_links_to_its_page_and_several_to_the_filtered_directory(db):
    StructureFactory(name="TAg29", slug="tag29", departements=["29"], labelled=True)
    StructureFactory(name="Un", slug="un", departements=["21", "89"], labelled=True)
    StructureFactory(name="Deux", slug="deux", departements=["21"], experimenting=True)
    deps = by_code(build_map(None))
    assert deps["29"].url == "/structures/tag29/"
    assert deps["89"].url == "/structures/un/"
    assert deps["21"].url == "/structures/?departement=21"


def test_the_accessible_name_lists_the_structures_with_their_status(db):
    StructureFactory(name="TAg29", slug="tag29", departements=["29"], labelled=True)
    StructureFactory(name="Autre", slug="autre", departements=["29"], experimenting=True)
    assert by_code(build_map(None))["29"].label == (
        "Finistère (29) : TAg29 — avec appellation ; Autre — en expérimentation"
    )


def test_an_overseas_structure_is_drawn_in_its_inset(db):
    StructureFactory(name="Fabrique Réunion", slug="fab-reunion", departements=["974"], experimenting=True)
    dep = by_code(build_map(None))["974"]
    assert dep.inset is not None and dep.path is None
    assert dep.status == StructureStatus.EXPERIMENTING
    assert dep.url == "/structures/fab-reunion/"


def test_covered_departements_and_regions_count_only_members_of_the_network(db):
    StructureFactory(departements=["25", "39"], labelled=True)
    StructureFactory(departements=["29"], experimenting=True)
    StructureFactory(departements=["67"], withdrawn=True)
    StructureFactory(departements=["13"], candidate=True)
    data = build_map(None)
    assert {dep.code for dep in data.covered} == {"25", "39", "29"}
    assert data.covered_regions == {"27", "53"}
    assert {dep.code for dep in data.with_structures} == {"25", "39", "29", "67"}


def test_insee_sort_key_puts_corsica_after_19_and_overseas_last():
    codes = ["971", "21", "2B", "01", "2A", "19", "976"]
    assert sorted(codes, key=code_sort_key) == ["01", "19", "2A", "2B", "21", "971", "976"]
