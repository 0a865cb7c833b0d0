/* SPDX-License-Identifier: Apache-2.0
 * burst.c: smsrep.Burst, the SMS-bombing tracker (smsrep_burst_*), and the
 * named tuples the binding returns (Source, DatabaseInfo, BurstState). */
#include "native.h"

#include <time.h>

PyTypeObject *smsrep_py_source_type, *smsrep_py_info_type, *smsrep_py_burst_state_type;

typedef struct {
    PyObject_HEAD
    smsrep_burst *burst;
} burst;

static PyObject *burst_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *names[] = {"window", "min_senders", "max_recipients", "max_senders", NULL};
    smsrep_burst_config c = SMSREP_BURST_CONFIG_INIT;
    unsigned int window = 0, min_senders = 0, max_recipients = 0, max_senders = 0;
    burst *self;
    int status;

    if (!PyArg_ParseTupleAndKeywords(args, kw, "|IIII:Burst", names, &window, &min_senders,
                                     &max_recipients, &max_senders))
        return NULL;
    c.window = window;
    c.min_senders = min_senders;
    c.max_recipients = max_recipients;
    c.max_senders = max_senders;
    self = (burst *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    status = smsrep_burst_new(&self->burst, &c);
    if (status != SMSREP_OK) {
        Py_DECREF(self);
        return smsrep_py_raise(status, NULL);
    }
    return (PyObject *)self;
}

static void burst_dealloc(PyObject *obj)
{
    smsrep_burst_free(((burst *)obj)->burst);
    Py_TYPE(obj)->tp_free(obj);
}

static PyObject *burst_observe(PyObject *obj, PyObject *args, PyObject *kw)
{
    static char *names[] = {"recipient", "sender", "time", "code", "junk", NULL};
    smsrep_burst_state st = SMSREP_BURST_STATE_INIT;
    PyObject *recipient, *sender, *when_obj = Py_None, *t;
    int code = 0, junk = 0, status;
    Py_buffer r, s;
    int64_t when;

    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|O$pp:observe", names, &recipient, &sender,
                                     &when_obj, &code, &junk))
        return NULL;
    if (when_obj == Py_None) {
        when = (int64_t)time(NULL);
    } else {
        when = (int64_t)PyLong_AsLongLong(when_obj);
        if (when == -1 && PyErr_Occurred())
            return NULL;
    }
    if (smsrep_py_read_text(recipient, "recipient", &r) != 0)
        return NULL;
    if (smsrep_py_read_text(sender, "sender", &s) != 0) {
        PyBuffer_Release(&r);
        return NULL;
    }
    /* The tracker's lock is held only for a table update: not worth
     * letting go of the GIL for. */
    status = smsrep_burst_observe(((burst *)obj)->burst, r.buf, (size_t)r.len, s.buf,
                                  (size_t)s.len, when,
                                  (code ? SMSREP_BURST_CODE : 0u) | (junk ? SMSREP_BURST_JUNK : 0u),
                                  &st);
    PyBuffer_Release(&r);
    PyBuffer_Release(&s);
    if (status != SMSREP_OK)
        return smsrep_py_raise(status, NULL);
    t = PyStructSequence_New(smsrep_py_burst_state_type);
    if (t == NULL)
        return NULL;
    PyStructSequence_SET_ITEM(t, 0, PyBool_FromLong(st.in_burst));
    PyStructSequence_SET_ITEM(t, 1, PyBool_FromLong(st.started));
    PyStructSequence_SET_ITEM(t, 2, PyLong_FromUnsignedLong(st.senders));
    PyStructSequence_SET_ITEM(t, 3, PyLong_FromUnsignedLong(st.messages));
    PyStructSequence_SET_ITEM(t, 4, PyLong_FromLongLong(st.since));
    if (PyErr_Occurred()) {
        Py_DECREF(t);
        return NULL;
    }
    return t;
}

static PyMethodDef burst_methods[] = {
    {"observe", (PyCFunction)(void (*)(void))burst_observe, METH_VARARGS | METH_KEYWORDS,
     "observe(recipient, sender, time=None, *, code=False, junk=False) -> BurstState\n\n"
     "Records one message to recipient from sender at time (Unix seconds; None is\n"
     "now); code: it carries a one-time code; junk: its verdict was not allow.\n"
     "Says whether the recipient is under a burst now. Thread-safe."},
    {NULL, NULL, 0, NULL}};

PyTypeObject smsrep_py_burst_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "smsrep.Burst",
    .tp_basicsize = sizeof(burst),
    .tp_dealloc = burst_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Burst(window=600, min_senders=5, max_recipients=1024, max_senders=32)\n\n"
              "Watches the messages each recipient receives and says when many distinct\n"
              "senders deliver codes or junk within window seconds: an SMS bomb, which\n"
              "usually hides a notice the user must see. 0 takes a default.",
    .tp_methods = burst_methods,
    .tp_new = burst_new,
};

/* ---------------------------------------------------------------- named tuples */

static PyStructSequence_Field source_fields[] = {
    {"id", "the source's id, as in a verdict"},
    {"name", "what it is"},
    {"url", "where it is"},
    {"licence", "its licence"},
    {"retrieved", "when it was read, YYYY-MM-DD"},
    {"credit", "the credit line its licence asks for"},
    {NULL, NULL}};
static PyStructSequence_Desc source_desc = {
    "smsrep.Source", "Where a row of the database comes from.", source_fields, 6};

static PyStructSequence_Field info_fields[] = {
    {"schema_version", "PRAGMA user_version of the database"},
    {"embedded", "True when the copy embedded in the library is in use"},
    {"has_overlay", "True when an overlay is attached"},
    {"data_version", "the data's version, e.g. 2026.11.22"},
    {"overlay_version", "the overlay's last change, \"\" none"},
    {NULL, NULL}};
static PyStructSequence_Desc info_desc = {
    "smsrep.DatabaseInfo", "What Database.info() says of the open database.", info_fields, 5};

static PyStructSequence_Field state_fields[] = {
    {"in_burst", "True while the recipient is under a burst"},
    {"started", "True when this message started the burst"},
    {"senders", "distinct code or junk senders within the window"},
    {"messages", "code or junk messages within the window"},
    {"since", "time of the oldest of them; 0 when none"},
    {NULL, NULL}};
static PyStructSequence_Desc state_desc = {
    "smsrep.BurstState", "What Burst.observe() says of a recipient.", state_fields, 5};

int smsrep_py_structseq_init(void)
{
    smsrep_py_source_type = PyStructSequence_NewType(&source_desc);
    smsrep_py_info_type = PyStructSequence_NewType(&info_desc);
    smsrep_py_burst_state_type = PyStructSequence_NewType(&state_desc);
    return smsrep_py_source_type && smsrep_py_info_type && smsrep_py_burst_state_type ? 0 : -1;
}
