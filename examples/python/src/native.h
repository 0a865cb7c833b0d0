/* SPDX-License-Identifier: Apache-2.0
 * native.h: private to the smsrep Python extension (smsrep._native); what its
 * files share: the types, the exception, and the argument readers. */
#ifndef SMSREP_PY_NATIVE_H
#define SMSREP_PY_NATIVE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <smsrep.h>

/* smsrep.Error; set by the module's init. */
extern PyObject *smsrep_py_error;
extern PyTypeObject smsrep_py_database_type;
extern PyTypeObject smsrep_py_verdict_type;
extern PyTypeObject smsrep_py_burst_type;
/* Struct sequences (named tuples made in C). */
extern PyTypeObject *smsrep_py_source_type;
extern PyTypeObject *smsrep_py_info_type;
extern PyTypeObject *smsrep_py_burst_state_type;

/* Raises smsrep.Error(status, message): message NULL or "" takes the status's
 * own sentence. Returns NULL, for "return smsrep_py_raise(...)". */
PyObject *smsrep_py_raise(int status, const char *message);
/* Builds the smsrep.Error instance without raising it (check_many). */
PyObject *smsrep_py_error_new(int status, const char *message);

/* A sender or text argument: str (encoded as UTF-8) or a bytes-like object
 * (taken as it is, so a gateway's invalid bytes reach the library, which
 * refuses them). On success view->buf and view->len hold the bytes, and
 * view must be released with PyBuffer_Release. A str that cannot be UTF-8 (a lone
 * surrogate) raises smsrep.Error("bad_encoding"); another type TypeError. */
int smsrep_py_read_text(PyObject *obj, const char *what, Py_buffer *view);

/* A region: None or str of up to 3 ASCII characters into out[4]; a longer
 * or non-ASCII one becomes "???", which the library refuses as bad_region. */
int smsrep_py_read_region(PyObject *obj, char out[4]);

/* A hint: None, an int, or a name ("international", ...). An unknown name
 * or number raises smsrep.Error("bad_argument"). */
int smsrep_py_read_hint(PyObject *obj, uint32_t *out);

/* A new Verdict for input (a new reference is taken) from v; db is kept so
 * that verdict.source_info() can look the source up. */
PyObject *smsrep_py_verdict_new(PyObject *db, PyObject *input, const smsrep_verdict *v);

/* A new Database owning db (closed here if that fails). */
PyObject *smsrep_py_database_wrap(smsrep_db *db);

/* The handle of an open Database, or NULL with ValueError when closed. The
 * caller holds the GIL; smsrep_py_db_release() must follow a non-NULL. */
smsrep_db *smsrep_py_db_acquire(PyObject *db);
void smsrep_py_db_release(PyObject *db);

int smsrep_py_structseq_init(void);

PyMODINIT_FUNC PyInit__native(void);

#endif
