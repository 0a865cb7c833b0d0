/* SPDX-License-Identifier: Apache-2.0
 * db.c: smsrep.Database, one open smsrep_db shared by any number of Python
 * threads; checks run without the GIL, so threads judge in parallel. */
#include "native.h"

#include <string.h>

typedef struct {
    PyObject_HEAD
    smsrep_db *db;
    Py_ssize_t users;   /* calls running without the GIL; changed under it */
    int closing;        /* close() was called; the last user closes */
} database;

PyObject *smsrep_py_database_wrap(smsrep_db *db)
{
    database *self = PyObject_New(database, &smsrep_py_database_type);
    if (self == NULL) {
        smsrep_close(db);
        return NULL;
    }
    self->db = db;
    self->users = 0;
    self->closing = 0;
    return (PyObject *)self;
}

smsrep_db *smsrep_py_db_acquire(PyObject *obj)
{
    database *self = (database *)obj;
    if (self->db == NULL || self->closing) {
        PyErr_SetString(PyExc_ValueError, "the smsrep database is closed");
        return NULL;
    }
    self->users++;
    return self->db;
}

void smsrep_py_db_release(PyObject *obj)
{
    database *self = (database *)obj;
    if (--self->users == 0 && self->closing && self->db != NULL) {
        smsrep_close(self->db);
        self->db = NULL;
    }
}

static void db_dealloc(PyObject *obj)
{
    database *self = (database *)obj;
    smsrep_close(self->db);
    PyObject_Free(obj);
}

static PyObject *db_close(PyObject *obj, PyObject *unused)
{
    database *self = (database *)obj;
    (void)unused;
    self->closing = 1;
    if (self->users == 0 && self->db != NULL) {
        smsrep_close(self->db);
        self->db = NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *db_enter(PyObject *obj, PyObject *unused)
{
    (void)unused;
    Py_INCREF(obj);
    return obj;
}

static PyObject *db_exit(PyObject *obj, PyObject *args)
{
    (void)args;
    return db_close(obj, NULL);
}

/* One query's arguments, read under the GIL; the buffers stay exported
 * while the check runs without it. */
typedef struct item {
    PyObject *input;            /* borrowed */
    Py_buffer sender, text;
    int has_sender, has_text;
    smsrep_query q;
} item;

static void item_release(item *it)
{
    if (it->has_sender)
        PyBuffer_Release(&it->sender);
    if (it->has_text)
        PyBuffer_Release(&it->text);
    it->has_sender = it->has_text = 0;
}

static int item_read(item *it, PyObject *sender, PyObject *region, PyObject *hint,
                     PyObject *text, int64_t when)
{
    smsrep_query init = SMSREP_QUERY_INIT;
    it->q = init;
    it->input = sender;
    it->has_sender = it->has_text = 0;
    if (smsrep_py_read_region(region, it->q.region) != 0 ||
        smsrep_py_read_hint(hint, &it->q.hint) != 0)
        return -1;
    if (smsrep_py_read_text(sender, "sender", &it->sender) != 0)
        return -1;
    it->has_sender = 1;
    it->q.sender = it->sender.buf;
    it->q.sender_len = (size_t)it->sender.len;
    if (text != NULL && text != Py_None) {
        if (smsrep_py_read_text(text, "text", &it->text) != 0) {
            item_release(it);
            return -1;
        }
        it->has_text = 1;
        it->q.text = it->text.buf;
        it->q.text_len = (size_t)it->text.len;
    }
    it->q.time = when;
    return 0;
}

static int read_time(PyObject *obj, int64_t *out)
{
    *out = 0;
    if (obj == NULL || obj == Py_None)
        return 0;
    *out = (int64_t)PyLong_AsLongLong(obj);
    return *out == -1 && PyErr_Occurred() ? -1 : 0;
}

static PyObject *db_check(PyObject *obj, PyObject *args, PyObject *kw)
{
    static char *names[] = {"sender", "region", "hint", "text", "time", NULL};
    PyObject *sender, *region = NULL, *hint = NULL, *text = NULL, *when_obj = NULL;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    smsrep_db *db;
    int64_t when;
    item it;
    int status;

    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OOO$O:check", names, &sender, &region, &hint,
                                     &text, &when_obj))
        return NULL;
    if (read_time(when_obj, &when) != 0 || item_read(&it, sender, region, hint, text, when) != 0)
        return NULL;
    db = smsrep_py_db_acquire(obj);
    if (db == NULL) {
        item_release(&it);
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    status = smsrep_check(db, &it.q, &v);
    Py_END_ALLOW_THREADS
    smsrep_py_db_release(obj);
    item_release(&it);
    if (status != SMSREP_OK)
        return smsrep_py_raise(status, NULL);
    return smsrep_py_verdict_new(obj, sender, &v);
}

/* Reads one element of check_many: a sender, or a tuple (sender[, region[,
 * hint[, text]]]) whose members override the call's defaults. */
static int many_read(item *it, PyObject *el, PyObject *region, PyObject *hint, int64_t when)
{
    PyObject *text = NULL;
    it->has_sender = it->has_text = 0;
    if (PyTuple_Check(el)) {
        Py_ssize_t n = PyTuple_GET_SIZE(el);
        if (n < 1 || n > 4) {
            PyErr_SetString(PyExc_TypeError,
                            "check_many() items are senders or (sender, region, hint, text) tuples");
            return -1;
        }
        if (n > 1)
            region = PyTuple_GET_ITEM(el, 1);
        if (n > 2)
            hint = PyTuple_GET_ITEM(el, 2);
        if (n > 3)
            text = PyTuple_GET_ITEM(el, 3);
        el = PyTuple_GET_ITEM(el, 0);
    }
    return item_read(it, el, region, hint, text, when);
}

#define CHUNK 64

static PyObject *db_check_many(PyObject *obj, PyObject *args, PyObject *kw)
{
    static char *names[] = {"items", "region", "hint", "time", "errors", NULL};
    PyObject *items, *region = NULL, *hint = NULL, *when_obj = NULL, *iter = NULL;
    PyObject *out = NULL, *keep[CHUNK];
    const char *errors = "return";
    smsrep_verdict *v = NULL;
    item it[CHUNK];
    int status[CHUNK];
    int raise, done = 0;
    int64_t when;

    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OO$Os:check_many", names, &items, &region,
                                     &hint, &when_obj, &errors))
        return NULL;
    if (strcmp(errors, "return") != 0 && strcmp(errors, "raise") != 0) {
        PyErr_SetString(PyExc_ValueError, "errors must be \"return\" or \"raise\"");
        return NULL;
    }
    raise = strcmp(errors, "raise") == 0;
    if (read_time(when_obj, &when) != 0 || (iter = PyObject_GetIter(items)) == NULL)
        return NULL;
    out = PyList_New(0);
    v = PyMem_Malloc(sizeof *v * CHUNK);
    if (out == NULL || v == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    while (!done) {
        int n = 0, i;
        smsrep_db *db;
        /* Read a chunk under the GIL, judge it without, then build it. */
        while (n < CHUNK) {
            PyObject *el = PyIter_Next(iter);
            if (el == NULL) {
                if (PyErr_Occurred())
                    goto fail_chunk;
                done = 1;
                break;
            }
            keep[n] = el;
            if (many_read(&it[n], el, region, hint, when) != 0) {
                n++;
                goto fail_chunk;
            }
            n++;
        }
        if (n == 0)
            break;
        db = smsrep_py_db_acquire(obj);
        if (db == NULL)
            goto fail_chunk;
        Py_BEGIN_ALLOW_THREADS
        for (i = 0; i < n; i++) {
            smsrep_verdict init = SMSREP_VERDICT_INIT;
            v[i] = init;
            status[i] = smsrep_check(db, &it[i].q, &v[i]);
        }
        Py_END_ALLOW_THREADS
        smsrep_py_db_release(obj);
        for (i = 0; i < n; i++) {
            PyObject *r;
            if (status[i] == SMSREP_OK)
                r = smsrep_py_verdict_new(obj, it[i].input, &v[i]);
            else if (raise)
                r = smsrep_py_raise(status[i], NULL);
            else
                r = smsrep_py_error_new(status[i], NULL);
            if (r == NULL || PyList_Append(out, r) != 0) {
                Py_XDECREF(r);
                goto fail_chunk;
            }
            Py_DECREF(r);
        }
        for (i = 0; i < n; i++) {
            item_release(&it[i]);
            Py_DECREF(keep[i]);
        }
        continue;
    fail_chunk:
        /* Items read so far hold their buffers; the last one read may have
         * failed half way, and item_release copes with that. */
        for (i = 0; i < n; i++) {
            item_release(&it[i]);
            Py_DECREF(keep[i]);
        }
        goto fail;
    }
    PyMem_Free(v);
    Py_DECREF(iter);
    return out;
fail:
    PyMem_Free(v);
    Py_XDECREF(iter);
    Py_XDECREF(out);
    return NULL;
}

static PyObject *db_source(PyObject *obj, PyObject *arg)
{
    smsrep_source_info s = SMSREP_SOURCE_INFO_INIT;
    const char *id = PyUnicode_AsUTF8(arg);
    smsrep_db *db;
    PyObject *t;
    int status;

    if (id == NULL)
        return NULL;
    if ((db = smsrep_py_db_acquire(obj)) == NULL)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    status = smsrep_source(db, id, &s);
    Py_END_ALLOW_THREADS
    smsrep_py_db_release(obj);
    if (status == SMSREP_E_NOT_FOUND)
        Py_RETURN_NONE;
    if (status != SMSREP_OK)
        return smsrep_py_raise(status, NULL);
    t = PyStructSequence_New(smsrep_py_source_type);
    if (t == NULL)
        return NULL;
    PyStructSequence_SET_ITEM(t, 0, PyUnicode_DecodeUTF8(s.id, (Py_ssize_t)strlen(s.id), "replace"));
    PyStructSequence_SET_ITEM(t, 1, PyUnicode_DecodeUTF8(s.name, (Py_ssize_t)strlen(s.name), "replace"));
    PyStructSequence_SET_ITEM(t, 2, PyUnicode_DecodeUTF8(s.url, (Py_ssize_t)strlen(s.url), "replace"));
    PyStructSequence_SET_ITEM(t, 3, PyUnicode_DecodeUTF8(s.licence, (Py_ssize_t)strlen(s.licence), "replace"));
    PyStructSequence_SET_ITEM(t, 4, PyUnicode_DecodeUTF8(s.retrieved, (Py_ssize_t)strlen(s.retrieved), "replace"));
    PyStructSequence_SET_ITEM(t, 5, PyUnicode_DecodeUTF8(s.credit, (Py_ssize_t)strlen(s.credit), "replace"));
    if (PyErr_Occurred()) {
        Py_DECREF(t);
        return NULL;
    }
    return t;
}

static PyObject *db_info(PyObject *obj, PyObject *unused)
{
    smsrep_db_info i = SMSREP_DB_INFO_INIT;
    smsrep_db *db;
    PyObject *t;
    int status;
    (void)unused;

    if ((db = smsrep_py_db_acquire(obj)) == NULL)
        return NULL;
    status = smsrep_db_info_get(db, &i);
    smsrep_py_db_release(obj);
    if (status != SMSREP_OK)
        return smsrep_py_raise(status, NULL);
    t = PyStructSequence_New(smsrep_py_info_type);
    if (t == NULL)
        return NULL;
    PyStructSequence_SET_ITEM(t, 0, PyLong_FromUnsignedLong(i.schema_version));
    PyStructSequence_SET_ITEM(t, 1, PyBool_FromLong(i.embedded));
    PyStructSequence_SET_ITEM(t, 2, PyBool_FromLong(i.has_overlay));
    PyStructSequence_SET_ITEM(t, 3, PyUnicode_FromString(i.data_version));
    PyStructSequence_SET_ITEM(t, 4, PyUnicode_FromString(i.overlay_version));
    if (PyErr_Occurred()) {
        Py_DECREF(t);
        return NULL;
    }
    return t;
}

static PyObject *db_closed(PyObject *obj, void *unused)
{
    database *self = (database *)obj;
    (void)unused;
    return PyBool_FromLong(self->db == NULL || self->closing);
}

static PyMethodDef db_methods[] = {
    {"check", (PyCFunction)(void (*)(void))db_check, METH_VARARGS | METH_KEYWORDS,
     "check(sender, region=None, hint=None, text=None, *, time=None) -> Verdict\n\n"
     "Judges one sender (str, or bytes as the gateway gave them) for a recipient in\n"
     "region (ISO 3166 alpha-2, e.g. \"JP\"), with the gateway's address-type hint\n"
     "(a name from smsrep.HINTS or its number) and the message text if any.\n"
     "Raises smsrep.Error for input that is not a sender (empty_sender,\n"
     "sender_too_long, bad_encoding, bad_character, bad_region, region_required,\n"
     "e164_required). Runs without the GIL."},
    {"check_many", (PyCFunction)(void (*)(void))db_check_many, METH_VARARGS | METH_KEYWORDS,
     "check_many(items, region=None, hint=None, *, time=None, errors='return') -> list\n\n"
     "Judges every item of an iterable: a sender, or a tuple (sender, region,\n"
     "hint, text) whose members override the defaults. Returns a list in the\n"
     "same order holding a Verdict per item, or the smsrep.Error of an item that\n"
     "cannot be judged (errors='raise' raises the first instead)."},
    {"source", db_source, METH_O,
     "source(id) -> Source or None\n\nWhere a row of the database comes from: a verdict's source id."},
    {"info", db_info, METH_NOARGS, "info() -> DatabaseInfo\n\nThe schema and data versions in use."},
    {"close", db_close, METH_NOARGS,
     "Closes the database. Checks running in other threads finish first; any\n"
     "call after close() raises ValueError. Also done by a with block."},
    {"__enter__", db_enter, METH_NOARGS, NULL},
    {"__exit__", db_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}};

static PyGetSetDef db_getset[] = {
    {"closed", db_closed, NULL, "True after close().", NULL},
    {NULL, NULL, NULL, NULL, NULL}};

PyTypeObject smsrep_py_database_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "smsrep.Database",
    .tp_basicsize = sizeof(database),
    .tp_dealloc = db_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "An open reputation database; make one with smsrep.open(). One Database may\n"
              "be shared by any number of threads.",
    .tp_methods = db_methods,
    .tp_getset = db_getset,
};
