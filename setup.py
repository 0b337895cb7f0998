"""Map the repository's plugins/, publish/ and themes/ folders onto the podium namespace.

The brief wants the source folders at the top of the repository while the
installed names live under ``podium``; setuptools does this with package_dir,
and listing the sub-packages here means a new capability needs no edit.
"""

from setuptools import find_namespace_packages, setup

ROOTS = {"podium.plugins": "plugins", "podium.publish": "publish", "podium.themes": "themes"}


def _packages():
    found = []
    for name, folder in ROOTS.items():
        found.append(name)
        found += [f"{name}.{sub}" for sub in find_namespace_packages(folder) if "__pycache__" not in sub]
    return found


setup(
    packages=_packages(),
    package_dir=ROOTS,
    package_data={
        "podium.themes": ["**/*"],
        "podium.plugins": [
            "**/*.po",
            "**/*.json",
            "**/*.yaml",
            "**/*.html",
            "**/*.js",
            "**/*.css",
            "**/*.ttf",
            "**/*.otf",
            "**/*.txt",
            "**/*.png",
        ],
        "podium.publish": [
            "**/*.yaml",
            "**/*.yml",
            "**/*.json",
            "**/*.txt",
            "**/*.md",
            "**/*.tmpl",
            "skeleton/Makefile",
            "skeleton/gitignore",
        ],
    },
    include_package_data=True,
)
