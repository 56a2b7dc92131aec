"""A PEP 517 build backend for the winnow bindings, with no build requirements.

The wheel holds the pure-Python module and a copy of libwinnow.so, found in
this order: $WINNOW_LIB (a path to the library), the repository's own build
(../build/libwinnow.so, made by scripts/setup.sh), the library that
pkg-config names (an installed winnow); failing all three, the repository is
built with CMake. Bundling the library makes the installed package work
wherever the wheel goes on the same machine, installed winnow or not.
"""

import base64
import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile

NAME = "winnow"
VERSION = "0.1.0"
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
LIBNAME = "libwinnow.so"


class BuildError(RuntimeError):
    pass


def _pkg_config_library():
    try:
        libdir = subprocess.run(["pkg-config", "--variable=libdir", NAME], check=True,
                                capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    path = os.path.join(libdir, LIBNAME)
    return path if os.path.isfile(path) else None


def _build_with_cmake():
    if not os.path.isfile(os.path.join(REPO, "CMakeLists.txt")):
        return None
    build = os.path.join(REPO, "build")
    try:
        subprocess.run(["cmake", "-S", REPO, "-B", build, "-DCMAKE_BUILD_TYPE=Release"],
                       check=True, stdout=sys.stderr)
        subprocess.run(["cmake", "--build", build, "--target", "winnow_shared", "-j2"],
                       check=True, stdout=sys.stderr)
    except (OSError, subprocess.CalledProcessError) as e:
        raise BuildError(f"building libwinnow with CMake failed: {e}") from e
    path = os.path.join(build, LIBNAME)
    return path if os.path.isfile(path) else None


def find_library():
    env = os.environ.get("WINNOW_LIB")
    if env:
        if not os.path.isfile(env):
            raise BuildError(f"WINNOW_LIB={env} is not a file")
        return env
    built = os.path.join(REPO, "build", LIBNAME)
    if os.path.isfile(built):
        return built
    found = _pkg_config_library() or _build_with_cmake()
    if not found:
        raise BuildError("libwinnow.so not found: run scripts/setup.sh in the repository, "
                         "install winnow (pkg-config winnow), or set WINNOW_LIB")
    return found


def _platform_tag():
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")


def _wheel_name():
    return f"{NAME}-{VERSION}-py3-none-{_platform_tag()}.whl"


def _metadata():
    return (f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {VERSION}\n"
            "Summary: Extract the main text of web pages, without boilerplate\n"
            "Requires-Python: >=3.9\n")


def _wheel_file():
    return ("Wheel-Version: 1.0\nGenerator: winnow_build\nRoot-Is-Purelib: false\n"
            f"Tag: py3-none-{_platform_tag()}\n")


def _record_line(arcname, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arcname},sha256={digest},{len(data)}"


def _package_files():
    pkg = os.path.join(HERE, NAME)
    for name in sorted(os.listdir(pkg)):
        if name.endswith(".py") or name == "py.typed":
            with open(os.path.join(pkg, name), "rb") as f:
                yield f"{NAME}/{name}", f.read()
    with open(find_library(), "rb") as f:
        yield f"{NAME}/{LIBNAME}", f.read()


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    dist_info = f"{NAME}-{VERSION}.dist-info"
    files = list(_package_files())
    files.append((f"{dist_info}/METADATA", _metadata().encode()))
    files.append((f"{dist_info}/WHEEL", _wheel_file().encode()))
    record = [_record_line(a, d) for a, d in files] + [f"{dist_info}/RECORD,,"]
    files.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode()))
    name = _wheel_name()
    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w", zipfile.ZIP_DEFLATED) as z:
        for arcname, data in files:
            info = zipfile.ZipInfo(arcname, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if arcname.endswith(".so") else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return name


def get_requires_for_build_wheel(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    dist_info = os.path.join(metadata_directory, f"{NAME}-{VERSION}.dist-info")
    os.makedirs(dist_info, exist_ok=True)
    with open(os.path.join(dist_info, "METADATA"), "w") as f:
        f.write(_metadata())
    with open(os.path.join(dist_info, "WHEEL"), "w") as f:
        f.write(_wheel_file())
    return os.path.basename(dist_info)


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_sdist(sdist_directory, config_settings=None):
    import tarfile
    base = f"{NAME}-{VERSION}"
    path = os.path.join(sdist_directory, base + ".tar.gz")
    with tarfile.open(path, "w:gz") as tar:
        for rel in ("pyproject.toml", "winnow_build.py", NAME):
            tar.add(os.path.join(HERE, rel), arcname=f"{base}/{rel}",
                    filter=lambda t: None if "__pycache__" in t.name else t)
        pkg_info = os.path.join(sdist_directory, "PKG-INFO.tmp")
        with open(pkg_info, "w") as f:
            f.write(_metadata())
        tar.add(pkg_info, arcname=f"{base}/PKG-INFO")
        os.remove(pkg_info)
    return os.path.basename(path)


if __name__ == "__main__":  # python3 winnow_build.py DIR: build a wheel by hand
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    print(os.path.join(out, build_wheel(out)))
