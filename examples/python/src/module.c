/* SPDX-License-Identifier: Apache-2.0
 * module.c: smsrep._native, the in-process Python binding of libsmsrep: the
 * module's functions, its exception, and the readers of common arguments. */
#include "native.h"

#include <string.h>

PyObject *smsrep_py_error;

PyObject *smsrep_py_error_new(int status, const char *message)
{
    if (message == NULL || *message == '\0')
        message = smsrep_strerror(status);
    return PyObject_CallFunction(smsrep_py_error, "sis", smsrep_status_name(status), status,
                                 message);
}

PyObject *smsrep_py_raise(int status, const char *message)
{
    PyObject *e = smsrep_py_error_new(status, message);
    if (e != NULL) {
        PyErr_SetObject(smsrep_py_error, e);
        Py_DECREF(e);
    }
    return NULL;
}

int smsrep_py_read_text(PyObject *obj, const char *what, Py_buffer *view)
{
    if (PyUnicode_Check(obj)) {
        Py_ssize_t len;
        const char *s = PyUnicode_AsUTF8AndSize(obj, &len);
        if (s == NULL) {
            /* A lone surrogate has no UTF-8 form: the library's bad_encoding. */
            if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
                return -1;
            PyErr_Clear();
            smsrep_py_raise(SMSREP_E_ENCODING, NULL);
            return -1;
        }
        return PyBuffer_FillInfo(view, obj, (void *)s, len, 1, PyBUF_SIMPLE);
    }
    if (PyObject_CheckBuffer(obj))
        return PyObject_GetBuffer(obj, view, PyBUF_SIMPLE);
    PyErr_Format(PyExc_TypeError, "%s must be str or bytes, not %.100s", what,
                 Py_TYPE(obj)->tp_name);
    return -1;
}

int smsrep_py_read_region(PyObject *obj, char out[4])
{
    Py_ssize_t len;
    const char *s;
    memset(out, 0, 4);
    if (obj == NULL || obj == Py_None)
        return 0;
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "region must be str or None, not %.100s",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    s = PyUnicode_AsUTF8AndSize(obj, &len);
    if (s == NULL) {
        PyErr_Clear();
        len = 4;
    }
    if (len > 3 || !PyUnicode_IS_ASCII(obj))
        memcpy(out, "???", 3);
    else
        memcpy(out, s, (size_t)len);
    return 0;
}

int smsrep_py_read_hint(PyObject *obj, uint32_t *out)
{
    *out = SMSREP_HINT_UNKNOWN;
    if (obj == NULL || obj == Py_None)
        return 0;
    if (PyUnicode_Check(obj)) {
        Py_ssize_t len;
        const char *s = PyUnicode_AsUTF8AndSize(obj, &len);
        int h = s != NULL ? smsrep_hint_from_name(s, (size_t)len) : -1;
        if (s == NULL)
            PyErr_Clear();
        if (h < 0) {
            smsrep_py_raise(SMSREP_E_ARGUMENT, "hint must be unknown, international, national, "
                                               "alphanumeric or short_code");
            return -1;
        }
        *out = (uint32_t)h;
        return 0;
    }
    if (PyLong_Check(obj)) {
        long h = PyLong_AsLong(obj);
        if (h == -1 && PyErr_Occurred())
            PyErr_Clear();
        if (h < 0 || h >= SMSREP_HINT_LAST_) {
            smsrep_py_raise(SMSREP_E_ARGUMENT, "hint out of range");
            return -1;
        }
        *out = (uint32_t)h;
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "hint must be str, int or None, not %.100s",
                 Py_TYPE(obj)->tp_name);
    return -1;
}

/* ---------------------------------------------------------------- functions */

static PyObject *py_open(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = {"path", "overlay", "data", NULL};
    PyObject *path = NULL, *overlay = NULL, *data = NULL, *path_b = NULL, *overlay_b = NULL;
    PyObject *result = NULL;
    char err[SMSREP_ERRBUF_SIZE] = "";
    smsrep_db *db = NULL;
    int status;
    (void)self;

    if (!PyArg_ParseTupleAndKeywords(args, kw, "|OO$O:open", names, &path, &overlay, &data))
        return NULL;
    if (path == Py_None)
        path = NULL;
    if (overlay == Py_None)
        overlay = NULL;
    if (data == Py_None)
        data = NULL;
    if (path != NULL && data != NULL) {
        PyErr_SetString(PyExc_TypeError, "open() takes a path or data, not both");
        return NULL;
    }
    if ((path != NULL && !PyUnicode_FSConverter(path, &path_b)) ||
        (overlay != NULL && !PyUnicode_FSConverter(overlay, &overlay_b)))
        goto done;
    if (data != NULL) {
        Py_buffer view;
        if (PyObject_GetBuffer(data, &view, PyBUF_SIMPLE) != 0)
            goto done;
        Py_BEGIN_ALLOW_THREADS
        status = smsrep_open_memory(&db, view.buf, (size_t)view.len,
                                    overlay_b ? PyBytes_AS_STRING(overlay_b) : NULL, err,
                                    sizeof err);
        Py_END_ALLOW_THREADS
        PyBuffer_Release(&view);
    } else {
        Py_BEGIN_ALLOW_THREADS
        status = smsrep_open(&db, path_b ? PyBytes_AS_STRING(path_b) : NULL,
                             overlay_b ? PyBytes_AS_STRING(overlay_b) : NULL, err, sizeof err);
        Py_END_ALLOW_THREADS
    }
    if (status != SMSREP_OK) {
        smsrep_py_raise(status, err);
        goto done;
    }
    result = smsrep_py_database_wrap(db);
done:
    Py_XDECREF(path_b);
    Py_XDECREF(overlay_b);
    return result;
}

static PyObject *py_version(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    return PyUnicode_FromString(smsrep_version_string());
}

static PyObject *py_phonenumber_version(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    return PyUnicode_FromString(smsrep_phonenumber_version());
}

static PyObject *py_schema_version(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    return PyLong_FromUnsignedLong(smsrep_schema_version());
}

static PyObject *py_reason_text(PyObject *self, PyObject *args)
{
    const char *name, *lang = "en";
    Py_ssize_t len;
    int r;
    (void)self;
    if (!PyArg_ParseTuple(args, "s#|s:reason_text", &name, &len, &lang))
        return NULL;
    r = smsrep_reason_from_name(name, (size_t)len);
    if (r < 0)
        return smsrep_py_raise(SMSREP_E_NOT_FOUND, "no such reason");
    return PyUnicode_FromString(smsrep_reason_text((uint32_t)r, lang));
}

static PyObject *py_hint_from_gsm_toa(PyObject *self, PyObject *arg)
{
    unsigned long toa = PyLong_AsUnsignedLong(arg);
    (void)self;
    if (PyErr_Occurred())
        return NULL;
    return PyUnicode_FromString(smsrep_hint_name(smsrep_hint_from_gsm_toa((uint32_t)toa)));
}

static PyObject *py_hint_from_smpp_ton(PyObject *self, PyObject *arg)
{
    unsigned long ton = PyLong_AsUnsignedLong(arg);
    (void)self;
    if (PyErr_Occurred())
        return NULL;
    return PyUnicode_FromString(smsrep_hint_name(smsrep_hint_from_smpp_ton((uint32_t)ton)));
}

static PyMethodDef functions[] = {
    {"open", (PyCFunction)(void (*)(void))py_open, METH_VARARGS | METH_KEYWORDS,
     "open(path=None, overlay=None, *, data=None) -> Database\n\n"
     "Opens a reputation database read-only: the copy embedded in the library\n"
     "(no argument), a file (path), or an image in memory (data, bytes-like; it\n"
     "is copied), with an operator's overlay file whose rules win. Raises\n"
     "smsrep.Error (db_open_failed, db_not_smsrep, db_wrong_schema, db_corrupt)."},
    {"version", py_version, METH_NOARGS, "The running libsmsrep's version, \"MAJOR.MINOR.PATCH\"."},
    {"phonenumber_version", py_phonenumber_version, METH_NOARGS,
     "The libphonenumber version the library was built with, or \"none\"."},
    {"schema_version", py_schema_version, METH_NOARGS,
     "The database schema version the library reads."},
    {"reason_text", py_reason_text, METH_VARARGS,
     "reason_text(name, lang='en') -> str\n\nA sentence explaining a reason, in English or "
     "Japanese (\"ja\")."},
    {"hint_from_gsm_toa", py_hint_from_gsm_toa, METH_O,
     "The hint name for a GSM 03.40 type-of-address octet (smstools' From_TOA)."},
    {"hint_from_smpp_ton", py_hint_from_smpp_ton, METH_O,
     "The hint name for an SMPP source_addr_ton."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "smsrep._native",
    "The C half of the smsrep package: libsmsrep linked in process. Use the smsrep package.",
    -1, functions, NULL, NULL, NULL, NULL};

/* Adds a tuple of the names of values 0..n-1 as `attr`. */
static int add_names(PyObject *m, const char *attr, const char *(*name)(uint32_t), uint32_t n)
{
    PyObject *t = PyTuple_New((Py_ssize_t)n);
    uint32_t i;
    if (t == NULL)
        return -1;
    for (i = 0; i < n; i++) {
        PyObject *s = PyUnicode_FromString(name(i));
        if (s == NULL) {
            Py_DECREF(t);
            return -1;
        }
        PyTuple_SET_ITEM(t, i, s);
    }
    return PyModule_AddObject(m, attr, t) == 0 ? 0 : (Py_DECREF(t), -1);
}

static const char *status_name(uint32_t s)
{
    return smsrep_status_name((int)s);
}

PyMODINIT_FUNC PyInit__native(void)
{
    PyObject *m, *errors;

    if (PyType_Ready(&smsrep_py_database_type) < 0 || PyType_Ready(&smsrep_py_verdict_type) < 0 ||
        PyType_Ready(&smsrep_py_burst_type) < 0 || smsrep_py_structseq_init() < 0)
        return NULL;
    /* The exception is a Python class (smsrep._errors) so that it pickles and
     * reads like any other; C only instantiates it. */
    errors = PyImport_ImportModule("smsrep._errors");
    if (errors == NULL)
        return NULL;
    smsrep_py_error = PyObject_GetAttrString(errors, "Error");
    Py_DECREF(errors);
    if (smsrep_py_error == NULL)
        return NULL;
    m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&smsrep_py_database_type);
    Py_INCREF(&smsrep_py_verdict_type);
    Py_INCREF(&smsrep_py_burst_type);
    Py_INCREF(smsrep_py_source_type);
    Py_INCREF(smsrep_py_info_type);
    Py_INCREF(smsrep_py_burst_state_type);
    if (PyModule_AddObject(m, "Database", (PyObject *)&smsrep_py_database_type) < 0 ||
        PyModule_AddObject(m, "Verdict", (PyObject *)&smsrep_py_verdict_type) < 0 ||
        PyModule_AddObject(m, "Burst", (PyObject *)&smsrep_py_burst_type) < 0 ||
        PyModule_AddObject(m, "Source", (PyObject *)smsrep_py_source_type) < 0 ||
        PyModule_AddObject(m, "DatabaseInfo", (PyObject *)smsrep_py_info_type) < 0 ||
        PyModule_AddObject(m, "BurstState", (PyObject *)smsrep_py_burst_state_type) < 0 ||
        add_names(m, "KINDS", smsrep_kind_name, SMSREP_KIND_LAST_) < 0 ||
        add_names(m, "CLASSES", smsrep_class_name, SMSREP_CLASS_LAST_) < 0 ||
        add_names(m, "RECOMMENDATIONS", smsrep_recommendation_name, SMSREP_RECOMMEND_LAST_) < 0 ||
        add_names(m, "NUMBER_TYPES", smsrep_number_type_name, SMSREP_TYPE_LAST_) < 0 ||
        add_names(m, "RELATIONS", smsrep_relation_name, SMSREP_RELATION_LAST_) < 0 ||
        add_names(m, "REPLY_COSTS", smsrep_reply_cost_name, SMSREP_COST_LAST_) < 0 ||
        add_names(m, "HINTS", smsrep_hint_name, SMSREP_HINT_LAST_) < 0 ||
        add_names(m, "MESSAGE_CLASSES", smsrep_message_class_name, SMSREP_MESSAGE_LAST_) < 0 ||
        add_names(m, "REASONS", smsrep_reason_name, SMSREP_REASON_LAST_) < 0 ||
        add_names(m, "STATUSES", status_name, SMSREP_STATUS_LAST_) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
