# CMake generated Testfile for 
# Source directory: /work/wt/collate
# Build directory: /work/wt/collate/build-clang
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
subdirs("tests")
subdirs("examples")
subdirs("bench")
