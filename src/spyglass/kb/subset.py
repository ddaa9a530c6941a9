"""Cut a UN consolidated list down to some regimes, keeping the real XML format.

Makes the packaged `data/kb/un-dprk-iran.xml` (the list's DPRK and Iran records) so screening works on an empty
store: `python -m spyglass.kb.subset consolidated.xml src/spyglass/data/kb/un-dprk-iran.xml DPRK Iran`.
"""

import sys
from pathlib import Path

from lxml import etree


def subset_un_xml(data: bytes, list_types: set[str]) -> bytes:
    """The list with only the INDIVIDUAL and ENTITY records whose UN_LIST_TYPE is in `list_types`."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(data, parser)
    for record in [*root.iterfind("INDIVIDUALS/INDIVIDUAL"), *root.iterfind("ENTITIES/ENTITY")]:
        if (record.findtext("UN_LIST_TYPE") or "").strip() not in list_types:
            record.getparent().remove(record)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def main(argv: list[str]) -> None:
    source, target, *list_types = argv
    Path(target).write_bytes(subset_un_xml(Path(source).read_bytes(), set(list_types)))


if __name__ == "__main__":
    main(sys.argv[1:])
