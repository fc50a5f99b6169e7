#!/usr/bin/env python3
"""Cut the slice of Microsoft Graph's CSDL that the settings reconciler manages.

Reads a metadata file of microsoftgraph/msgraph-metadata (clean_v10_metadata/cleanMetadata.xml whole, or
beta-excerpt.xml, the elements of clean_beta_metadata/cleanMetadata.xml the scope needs), keeps only what scope.json
names, and writes it as <version>.json beside this script. Python 3, standard library only.

    python3 slice_metadata.py cleanMetadata.xml --version beta \\
        --path clean_beta_metadata/cleanMetadata.xml --commit <commit of that file>

The scope is scope.json's "types" and "paths" (what the resource descriptors use) together with its
"aheadOfDescriptors" types and paths (resources cut in before their descriptors are written).

What is kept (nothing else: no descriptions, no other annotations, no functions, no unbound actions):
  - every type in the scope's types, and the type each of its paths ends at, in full: base types, abstract/open,
    the key, alternate keys (Org.OData.Core.V1.AlternateKeys), every structural property (name, type, nullable) and
    navigation property (name, type, containsTarget);
  - the actions bound to those entity types (or to collections of them): name, binding parameter, the other
    parameters (name, type, nullable) and the return type;
  - the complex and enum types those properties, parameters and return types use, recursively (enums with isFlags
    and every member's value);
  - the container entries and types a path walks through (admin, peopleAdminSettings, copilotRoot, user, ...),
    marked "partial": of those only the navigation properties on the paths are kept;
  - for each path, the type it reaches (or why it does not), and the scope types this version lacks.

Type names are written fully qualified (microsoft.graph.x), whatever alias the file uses. Nullable is written as
CSDL means it: a property without a Nullable attribute is nullable.
"""

import argparse
import json
import os
import sys
import xml.etree.ElementTree as ET

EDM = "{http://docs.oasis-open.org/odata/ns/edm}"
ALTERNATE_KEYS = "Org.OData.Core.V1.AlternateKeys"
HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = "microsoftgraph/msgraph-metadata"


class Model:
    """The types and container of one CSDL file, by qualified name."""

    def __init__(self, root):
        self.types = {}  # qualified name -> (kind, element, namespace, alias)
        self.container = {}  # entity set or singleton name -> element
        self.aliases = {}
        self.actions = []  # bound Action elements
        schemas = list(root.iter(EDM + "Schema"))
        for schema in schemas:
            alias = schema.get("Alias")
            if alias:
                self.aliases[alias] = schema.get("Namespace")
        for schema in schemas:
            namespace = schema.get("Namespace")
            for kind in ("EntityType", "ComplexType", "EnumType"):
                for element in schema.findall(EDM + kind):
                    self.types[namespace + "." + element.get("Name")] = (kind, element)
            for action in schema.findall(EDM + "Action"):
                if action.get("IsBound") == "true":
                    self.actions.append(action)
            for container in schema.findall(EDM + "EntityContainer"):
                for element in container:
                    if element.tag in (EDM + "EntitySet", EDM + "Singleton"):
                        self.container[element.get("Name")] = element

    def qualify(self, type_name):
        """graph.x -> microsoft.graph.x, also inside Collection(...); Edm types and unknown prefixes stay."""
        if type_name.startswith("Collection(") and type_name.endswith(")"):
            return "Collection(" + self.qualify(type_name[len("Collection("):-1]) + ")"
        prefix, _, rest = type_name.partition(".")
        if prefix in self.aliases:
            return self.aliases[prefix] + "." + rest
        return type_name

    @staticmethod
    def element_type(type_name):
        if type_name.startswith("Collection(") and type_name.endswith(")"):
            return type_name[len("Collection("):-1], True
        return type_name, False

    def base_of(self, name):
        base = self.types[name][1].get("BaseType")
        return self.qualify(base) if base else None

    def find_navigation(self, name, nav_name):
        """The (declaring type, element) of a navigation property, looking through base types."""
        while name in self.types:
            for nav in self.types[name][1].findall(EDM + "NavigationProperty"):
                if nav.get("Name") == nav_name:
                    return name, nav
            name = self.base_of(name)
        return None, None


def walk(model, path):
    """Follows a Graph path from the container; returns (steps, result) where steps are (type, navigation) pairs."""
    segments = [s for s in path.strip("/").split("/") if s]
    root = model.container.get(segments[0])
    if root is None:
        return [], {"missing": "the container has no entity set or singleton '%s'" % segments[0]}
    if root.tag == EDM + "EntitySet":
        current, collection = model.qualify(root.get("EntityType")), True
    else:
        current, collection = model.qualify(root.get("Type")), False
    steps = []
    for segment in segments[1:]:
        if segment.startswith("{") and segment.endswith("}"):
            if not collection:
                return steps, {"missing": "'%s' addresses an item of %s, which is not a collection" % (segment, current)}
            collection = False
            continue
        if collection:
            return steps, {"missing": "'%s' follows the collection %s without an item key" % (segment, current)}
        declaring, nav = model.find_navigation(current, segment)
        if nav is None:
            return steps, {"missing": "%s has no navigation property '%s'" % (current, segment)}
        steps.append((declaring, segment))
        current, collection = model.element_type(model.qualify(nav.get("Type")))
    if current not in model.types:
        return steps, {"missing": "the path reaches %s, which this file does not define" % current}
    return steps, {"type": current, "collection": collection}


def describe_type(model, name, only_navigation=None):
    kind, element = model.types[name]
    out = {}
    if element.get("BaseType"):
        out["baseType"] = model.qualify(element.get("BaseType"))
    if element.get("Abstract") == "true":
        out["abstract"] = True
    if element.get("OpenType") == "true":
        out["openType"] = True
    if kind == "EnumType":
        out["isFlags"] = element.get("IsFlags") == "true"
        out["members"] = [
            {"name": m.get("Name"), "value": int(m.get("Value"))} for m in element.findall(EDM + "Member")
        ]
        return out
    if only_navigation is not None:
        out["partial"] = "only the navigation properties on the scope's paths"
    else:
        key = element.find(EDM + "Key")
        if key is not None:
            out["key"] = [ref.get("Name") for ref in key.findall(EDM + "PropertyRef")]
        alternate = alternate_keys(element)
        if alternate:
            out["alternateKeys"] = alternate
        out["properties"] = [
            {
                "name": p.get("Name"),
                "type": model.qualify(p.get("Type")),
                "nullable": p.get("Nullable", "true") != "false",
            }
            for p in element.findall(EDM + "Property")
        ]
    navigation = []
    for nav in element.findall(EDM + "NavigationProperty"):
        if only_navigation is not None and nav.get("Name") not in only_navigation:
            continue
        navigation.append(
            {
                "name": nav.get("Name"),
                "type": model.qualify(nav.get("Type")),
                "containsTarget": nav.get("ContainsTarget") == "true",
            }
        )
    if navigation or only_navigation is None:
        out["navigationProperties"] = navigation
    return out


def alternate_keys(element):
    """The alternate keys an entity type declares, each as its list of property paths (e.g. [["sourceId"]])."""
    keys = []
    for annotation in element.findall(EDM + "Annotation"):
        if annotation.get("Term") != ALTERNATE_KEYS:
            continue
        for alternate in annotation.iter(EDM + "Record"):
            if alternate.get("Type") != "Org.OData.Core.V1.AlternateKey":
                continue
            keys.append([
                value.get("PropertyPath")
                for value in alternate.iter(EDM + "PropertyValue")
                if value.get("Property") == "Name"
            ])
    return keys


def describe_parameter(model, element):
    return {
        "name": element.get("Name"),
        "type": model.qualify(element.get("Type")),
        "nullable": element.get("Nullable", "true") != "false",
    }


def bound_actions(model, entity_types):
    """The actions bound to any of entity_types or to a collection of one, sorted by binding type and name."""
    out = []
    for action in model.actions:
        parameters = action.findall(EDM + "Parameter")
        if not parameters:
            continue
        binding = describe_parameter(model, parameters[0])
        if model.element_type(binding["type"])[0] not in entity_types:
            continue
        described = {"name": action.get("Name"), "bindingParameter": binding,
                     "parameters": [describe_parameter(model, p) for p in parameters[1:]]}
        returns = action.find(EDM + "ReturnType")
        if returns is not None:
            described["returnType"] = {
                "type": model.qualify(returns.get("Type")),
                "nullable": returns.get("Nullable", "true") != "false",
            }
        out.append(described)
    out.sort(key=lambda a: (a["bindingParameter"]["type"].lower(), a["name"].lower()))
    return out


def used_types(model, type_names):
    """The complex and enum types among type_names (collections unwrapped); entity types are not followed."""
    out = []
    for type_name in type_names:
        element, _ = model.element_type(type_name)
        if element in model.types and model.types[element][0] != "EntityType":
            out.append(element)
    return out


def slice_model(model, scope):
    full = []  # types kept whole, in discovery order
    partial = {}  # type -> navigation names kept
    paths = {}
    for path in scope["paths"]:
        steps, result = walk(model, path)
        paths[path] = result
        for declaring, nav in steps:
            partial.setdefault(declaring, set()).add(nav)
        if "type" in result:
            full.append(result["type"])
    absent = []
    for name in scope["types"]:
        if name in model.types:
            full.append(name)
        else:
            absent.append(name)

    kept = {}

    def keep(pending):
        """Keeps the pending types whole, with their base types and the complex and enum types they use."""
        while pending:
            name = pending.pop()
            if name in kept or name not in model.types:
                continue
            kept[name] = describe_type(model, name)
            base = model.base_of(name)
            if base:
                pending.append(base)
            pending.extend(used_types(model, [prop["type"] for prop in kept[name].get("properties", [])]))

    keep(list(full))
    actions = bound_actions(model, {n for n in kept if model.types[n][0] == "EntityType"})
    keep(used_types(model, [p["type"] for a in actions for p in a["parameters"]]
                    + [a["returnType"]["type"] for a in actions if "returnType" in a]))
    for name, navs in partial.items():
        if name in kept:
            continue  # a type kept whole already has its navigation
        kept[name] = describe_type(model, name, only_navigation=navs)

    roots = sorted({p.strip("/").split("/")[0] for p in scope["paths"]})
    container = {}
    for root in roots:
        element = model.container.get(root)
        if element is None:
            continue
        if element.tag == EDM + "EntitySet":
            container[root] = {"entitySet": model.qualify(element.get("EntityType"))}
        else:
            container[root] = {"singleton": model.qualify(element.get("Type"))}

    groups = {"entityTypes": {}, "complexTypes": {}, "enumTypes": {}}
    group_of = {"EntityType": "entityTypes", "ComplexType": "complexTypes", "EnumType": "enumTypes"}
    for name in sorted(kept, key=str.lower):
        groups[group_of[model.types[name][0]]][name] = kept[name]
    return {"container": container, "paths": paths, "absentTypes": absent, **groups, "actions": actions}


def render(value, indent=0):
    """JSON with one line per leaf object (a property, a member), so refreshes diff line by line."""
    pad = "  " * indent
    if isinstance(value, dict):
        if all(not isinstance(v, (dict, list)) for v in value.values()) and value:
            return json.dumps(value, ensure_ascii=False)
        if not value:
            return "{}"
        items = [
            "%s  %s: %s" % (pad, json.dumps(k, ensure_ascii=False), render(v, indent + 1)) for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return json.dumps(value, ensure_ascii=False)
        items = ["%s  %s" % (pad, render(v, indent + 1)) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("metadata", help="a full cleanMetadata.xml of microsoftgraph/msgraph-metadata")
    parser.add_argument("--version", required=True, choices=["beta", "v1.0"])
    parser.add_argument("--path", required=True, help="the file's path in the repository")
    parser.add_argument("--commit", required=True, help="the commit the file was taken from")
    parser.add_argument("--scope", default=os.path.join(HERE, "scope.json"))
    parser.add_argument("--out", help="where to write the slice (default: <version>.json beside this script)")
    args = parser.parse_args(argv)

    with open(args.scope, encoding="utf-8") as f:
        scope = json.load(f)
    ahead = scope.get("aheadOfDescriptors", {})
    model = Model(ET.parse(args.metadata).getroot())
    if not model.types:
        sys.exit("%s holds no CSDL schema types" % args.metadata)
    sliced = slice_model(
        model, {"types": scope["types"] + ahead.get("types", []), "paths": scope["paths"] + ahead.get("paths", [])})
    recorded = {"types": scope["types"], "paths": scope["paths"]}
    if ahead:
        recorded["aheadOfDescriptors"] = {"types": ahead.get("types", []), "paths": ahead.get("paths", [])}
    document = {
        "source": {"repository": REPOSITORY, "path": args.path, "commit": args.commit, "version": args.version},
        "generatedBy": "sandbox/src/main/resources/metadata/slice_metadata.py",
        "scope": recorded,
        **sliced,
    }
    out = args.out or os.path.join(HERE, args.version + ".json")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(render(document) + "\n")
    missing = [p for p, r in sliced["paths"].items() if "missing" in r]
    print("wrote %s: %d types kept, absent types %s, unresolved paths %s"
          % (out, sum(len(sliced[g]) for g in ("entityTypes", "complexTypes", "enumTypes")),
             sliced["absentTypes"] or "none", missing or "none"))


if __name__ == "__main__":
    main(sys.argv[1:])
