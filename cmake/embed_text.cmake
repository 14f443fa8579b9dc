# Writes a .cc file defining `extern const char SYMBOL[]` with the text of IN.
# Used to compile data files (taxonomy, synonyms) into the binary.
file(READ ${IN} CONTENT)
string(FIND "${CONTENT}" ")RLEMBED\"" CLASH)
if(NOT CLASH EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter )RLEMBED\"")
endif()
file(WRITE ${OUT} "// Generated from ${IN}; do not edit.\nextern const char ${SYMBOL}[];\nconst char ${SYMBOL}[] = R\"RLEMBED(${CONTENT})RLEMBED\";\n")
