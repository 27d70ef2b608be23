# CMake generated Testfile for 
# Source directory: /work/wt/collate/examples
# Build directory: /work/wt/collate/build-clang/examples
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[example.errors]=] "/work/wt/collate/build-clang/examples/example_errors")
set_tests_properties([=[example.errors]=] PROPERTIES  LABELS "example" TIMEOUT "120" WORKING_DIRECTORY "/work/wt/collate/build-clang/examples/run/errors" _BACKTRACE_TRIPLES "/work/wt/collate/examples/CMakeLists.txt;21;add_test;/work/wt/collate/examples/CMakeLists.txt;0;")
add_test([=[example.existing_sqlite]=] "/work/wt/collate/build-clang/examples/example_existing_sqlite")
set_tests_properties([=[example.existing_sqlite]=] PROPERTIES  LABELS "example" TIMEOUT "120" WORKING_DIRECTORY "/work/wt/collate/build-clang/examples/run/existing_sqlite" _BACKTRACE_TRIPLES "/work/wt/collate/examples/CMakeLists.txt;21;add_test;/work/wt/collate/examples/CMakeLists.txt;0;")
add_test([=[example.pagination]=] "/work/wt/collate/build-clang/examples/example_pagination")
set_tests_properties([=[example.pagination]=] PROPERTIES  LABELS "example" TIMEOUT "120" WORKING_DIRECTORY "/work/wt/collate/build-clang/examples/run/pagination" _BACKTRACE_TRIPLES "/work/wt/collate/examples/CMakeLists.txt;21;add_test;/work/wt/collate/examples/CMakeLists.txt;0;")
add_test([=[example.quickstart]=] "/work/wt/collate/build-clang/examples/example_quickstart")
set_tests_properties([=[example.quickstart]=] PROPERTIES  LABELS "example" TIMEOUT "120" WORKING_DIRECTORY "/work/wt/collate/build-clang/examples/run/quickstart" _BACKTRACE_TRIPLES "/work/wt/collate/examples/CMakeLists.txt;21;add_test;/work/wt/collate/examples/CMakeLists.txt;0;")
add_test([=[example.relations]=] "/work/wt/collate/build-clang/examples/example_relations")
set_tests_properties([=[example.relations]=] PROPERTIES  LABELS "example" TIMEOUT "120" WORKING_DIRECTORY "/work/wt/collate/build-clang/examples/run/relations" _BACKTRACE_TRIPLES "/work/wt/collate/examples/CMakeLists.txt;21;add_test;/work/wt/collate/examples/CMakeLists.txt;0;")
add_test([=[example.search_form]=] "/work/wt/collate/build-clang/examples/example_search_form")
set_tests_properties([=[example.search_form]=] PROPERTIES  LABELS "example" TIMEOUT "120" WORKING_DIRECTORY "/work/wt/collate/build-clang/examples/run/search_form" _BACKTRACE_TRIPLES "/work/wt/collate/examples/CMakeLists.txt;21;add_test;/work/wt/collate/examples/CMakeLists.txt;0;")
