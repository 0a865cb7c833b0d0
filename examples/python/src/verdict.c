/* SPDX-License-Identifier: Apache-2.0
 * verdict.c: smsrep.Verdict, a copy of one smsrep_verdict. Its attributes are
 * made when read, so a verdict nobody looks into costs one copy; enums read
 * as the names the CLI prints, and to_dict() is the CLI's JSON object. */
#include "native.h"

#include <stddef.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    PyObject *db;      /* the Database, for source_info() */
    PyObject *input;   /* the sender as given (str or bytes) */
    smsrep_verdict v;
} verdict;

PyObject *smsrep_py_verdict_new(PyObject *db, PyObject *input, const smsrep_verdict *v)
{
    /* Not tracked by the garbage collector: a verdict refers only to its
     * Database and to the str or bytes it judged, so it makes no cycle, and
     * a batch of a million verdicts does not set off collections. */
    verdict *self = PyObject_New(verdict, &smsrep_py_verdict_type);
    if (self == NULL)
        return NULL;
    Py_INCREF(db);
    Py_INCREF(input);
    self->db = db;
    self->input = input;
    memcpy(&self->v, v, sizeof *v);
    return (PyObject *)self;
}

static void verdict_dealloc(PyObject *obj)
{
    verdict *self = (verdict *)obj;
    Py_DECREF(self->db);
    Py_DECREF(self->input);
    PyObject_Free(obj);
}

/* A library string: NUL-terminated UTF-8 in an inline array. */
static PyObject *str(const char *s)
{
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strnlen(s, SMSREP_DISPLAY_SIZE), "replace");
}

#define V(obj) (&((verdict *)(obj))->v)

/* Getters; closure is the offset of an inline string, or the name function. */
static PyObject *get_string(PyObject *obj, void *offset)
{
    return str((const char *)V(obj) + (size_t)(uintptr_t)offset);
}

static PyObject *get_input(PyObject *obj, void *unused)
{
    (void)unused;
    Py_INCREF(((verdict *)obj)->input);
    return ((verdict *)obj)->input;
}

#define NAME_GETTER(fn, field)                                     \
    static PyObject *get_##field(PyObject *obj, void *unused)      \
    {                                                              \
        (void)unused;                                              \
        return PyUnicode_FromString(fn(V(obj)->field));            \
    }
NAME_GETTER(smsrep_kind_name, kind)
NAME_GETTER(smsrep_number_type_name, number_type)
NAME_GETTER(smsrep_class_name, class_)
NAME_GETTER(smsrep_recommendation_name, recommendation)
NAME_GETTER(smsrep_relation_name, brand_relation)
NAME_GETTER(smsrep_reply_cost_name, reply_cost)
NAME_GETTER(smsrep_message_class_name, message_class)

static PyObject *get_score(PyObject *obj, void *unused)
{
    (void)unused;
    return PyLong_FromUnsignedLong(V(obj)->score);
}

static PyObject *get_calling_code(PyObject *obj, void *unused)
{
    (void)unused;
    return PyLong_FromUnsignedLong(V(obj)->calling_code);
}

static PyObject *get_reason_bits(PyObject *obj, void *unused)
{
    (void)unused;
    return PyLong_FromUnsignedLongLong(V(obj)->reasons);
}

static PyObject *reasons_list(uint64_t reasons)
{
    PyObject *l = PyList_New(0);
    uint32_t r;
    for (r = 0; l != NULL && r < 64; r++) {
        if (reasons & SMSREP_REASON_BIT(r)) {
            PyObject *s = PyUnicode_FromString(smsrep_reason_name(r));
            if (s == NULL || PyList_Append(l, s) != 0) {
                Py_XDECREF(s);
                Py_DECREF(l);
                return NULL;
            }
            Py_DECREF(s);
        }
    }
    return l;
}

static PyObject *get_reasons(PyObject *obj, void *unused)
{
    PyObject *l = reasons_list(V(obj)->reasons), *t;
    (void)unused;
    if (l == NULL)
        return NULL;
    t = PyList_AsTuple(l);
    Py_DECREF(l);
    return t;
}

static PyObject *get_allowed(PyObject *obj, void *unused)
{
    (void)unused;
    return PyBool_FromLong(V(obj)->recommendation == SMSREP_RECOMMEND_ALLOW);
}

#define OFF(field) ((void *)(uintptr_t)offsetof(smsrep_verdict, field))

static PyGetSetDef verdict_getset[] = {
    {"input", get_input, NULL, "The sender as given to check(), str or bytes.", NULL},
    {"kind", get_kind, NULL, "number, short_code, alphanumeric or invalid.", NULL},
    {"normalized", get_string, NULL,
     "E.164 for numbers, national digits for short codes, the canonical form of a\n"
     "sender ID, \"\" for invalid.", OFF(normalized)},
    {"region", get_string, NULL, "The sender's country (\"US\"), \"001\" non-geographic, \"\" unknown.",
     OFF(region)},
    {"calling_code", get_calling_code, NULL, "The country calling code, 0 when none.", NULL},
    {"number_type", get_number_type, NULL, "mobile, fixed_line, voip, short_code, ... (smsrep.NUMBER_TYPES).",
     NULL},
    {"class_", get_class_, NULL,
     "unknown, trusted, caution, suspicious, spoofed or blocked (the CLI's \"class\").", NULL},
    {"score", get_score, NULL, "0 (certainly fine) to 100 (certainly malicious).", NULL},
    {"recommendation", get_recommendation, NULL, "allow, flag or block.", NULL},
    {"reasons", get_reasons, NULL, "The reasons' names, in bit order (smsrep.REASONS).", NULL},
    {"reason_bits", get_reason_bits, NULL, "The reasons as smsrep_verdict.reasons bits.", NULL},
    {"brand", get_string, NULL, "The brand the sender belongs to or imitates, \"\" none.", OFF(brand)},
    {"brand_relation", get_brand_relation, NULL,
     "none, sender_of, impersonates, claimed_in_text or claims.", NULL},
    {"reply_cost", get_reply_cost, NULL, "unknown, free, standard or premium.", NULL},
    {"source", get_string, NULL, "The id of the source that decided, \"\" none; see source_info().",
     OFF(source)},
    {"display", get_string, NULL,
     "The sender as it arrived, trimmed, invisible characters written <U+XXXX>.", OFF(display)},
    {"text_brand", get_string, NULL, "The brand the message text names, \"\" none.", OFF(text_brand)},
    {"url_host", get_string, NULL, "The link host that argued against the text, \"\" none.",
     OFF(url_host)},
    {"text_phrase", get_string, NULL,
     "The phrase or callback number of the text that argued against it, \"\" none.",
     OFF(text_phrase)},
    {"message_class", get_message_class, NULL,
     "The Indian DLT suffix's class: none, promotional, service, transactional, government.",
     NULL},
    {"dlt_header", get_string, NULL, "The Indian DLT header (\"HDFCBK\"), \"\" otherwise.",
     OFF(dlt_header)},
    {"dlt_operator", get_string, NULL, "The DLT header's access provider, \"\" unknown.",
     OFF(dlt_operator)},
    {"dlt_circle", get_string, NULL, "The DLT header's service area, \"\" unknown.", OFF(dlt_circle)},
    {"allowed", get_allowed, NULL, "True when the recommendation is allow.", NULL},
    {NULL, NULL, NULL, NULL, NULL}};

static PyObject *source_info(PyObject *obj, PyObject *unused)
{
    verdict *self = (verdict *)obj;
    PyObject *id, *r;
    (void)unused;
    if (self->v.source[0] == '\0')
        Py_RETURN_NONE;
    id = str(self->v.source);
    if (id == NULL)
        return NULL;
    r = PyObject_CallMethod(self->db, "source", "O", id);
    Py_DECREF(id);
    return r;
}

/* d[key] = value, stealing value; -1 on failure. */
static int put(PyObject *d, const char *key, PyObject *value)
{
    int rc = value != NULL ? PyDict_SetItemString(d, key, value) : -1;
    Py_XDECREF(value);
    return rc;
}

static PyObject *to_dict(PyObject *obj, PyObject *unused)
{
    verdict *self = (verdict *)obj;
    const smsrep_verdict *v = &self->v;
    PyObject *d = PyDict_New(), *src = NULL, *dlt;
    (void)unused;

    if (d == NULL)
        return NULL;
    if (v->source[0] != '\0') {
        PyObject *info = source_info(obj, NULL);
        if (info == NULL)
            goto fail;
        if (info != Py_None)
            src = Py_BuildValue("{sOsOsOsO}", "id", PyStructSequence_GET_ITEM(info, 0), "name",
                                PyStructSequence_GET_ITEM(info, 1), "url",
                                PyStructSequence_GET_ITEM(info, 2), "licence",
                                PyStructSequence_GET_ITEM(info, 3));
        Py_DECREF(info);
        if (PyErr_Occurred())
            goto fail;
    }
    if (src == NULL) {
        Py_INCREF(Py_None);
        src = Py_None;
    }
    if (v->dlt_header[0] != '\0') {
        dlt = Py_BuildValue("{sNsNsNss}", "header", str(v->dlt_header), "operator",
                            str(v->dlt_operator), "circle", str(v->dlt_circle), "message_class",
                            smsrep_message_class_name(v->message_class));
    } else {
        Py_INCREF(Py_None);
        dlt = Py_None;
    }
    /* The keys and their order are the CLI's (smsrep check --json). */
    if (put(d, "input", get_input(obj, NULL)) || put(d, "kind", get_kind(obj, NULL)) ||
        put(d, "normalized", str(v->normalized)) || put(d, "region", str(v->region)) ||
        put(d, "calling_code", get_calling_code(obj, NULL)) ||
        put(d, "number_type", get_number_type(obj, NULL)) ||
        put(d, "class", get_class_(obj, NULL)) || put(d, "score", get_score(obj, NULL)) ||
        put(d, "recommendation", get_recommendation(obj, NULL)) ||
        put(d, "reasons", reasons_list(v->reasons)) || put(d, "brand", str(v->brand)) ||
        put(d, "brand_relation", get_brand_relation(obj, NULL)) ||
        put(d, "reply_cost", get_reply_cost(obj, NULL)) || put(d, "source", src) ||
        put(d, "display", str(v->display)) || put(d, "text_brand", str(v->text_brand)) ||
        put(d, "url_host", str(v->url_host)) || put(d, "text_phrase", str(v->text_phrase)) ||
        put(d, "dlt", dlt))
        goto fail;
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

static PyObject *verdict_repr(PyObject *obj)
{
    verdict *self = (verdict *)obj;
    const smsrep_verdict *v = &self->v;
    PyObject *reasons = get_reasons(obj, NULL), *r;
    if (reasons == NULL)
        return NULL;
    r = PyUnicode_FromFormat("<smsrep.Verdict %R: %s, %s, score %u, %s %R%s%s>", self->input,
                             smsrep_class_name(v->class_), smsrep_recommendation_name(v->recommendation),
                             (unsigned)v->score, smsrep_kind_name(v->kind), reasons,
                             v->brand[0] ? ", brand " : "", v->brand);
    Py_DECREF(reasons);
    return r;
}

static PyMethodDef verdict_methods[] = {
    {"to_dict", to_dict, METH_NOARGS,
     "to_dict() -> dict\n\nThe verdict as the object `smsrep check --json` prints: the same keys\n"
     "(\"class\", not \"class_\"), the source as {id, name, url, licence} or None, and\n"
     "dlt as {header, operator, circle, message_class} or None."},
    {"source_info", source_info, METH_NOARGS,
     "source_info() -> Source or None\n\nThe source of the row that decided (name, URL, licence, ...)."},
    {NULL, NULL, 0, NULL}};

PyTypeObject smsrep_py_verdict_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "smsrep.Verdict",
    .tp_basicsize = sizeof(verdict),
    .tp_dealloc = verdict_dealloc,
    .tp_repr = verdict_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "What libsmsrep says of one sender: the fields of smsrep_verdict, every enum\n"
              "as the name the CLI prints. Made by Database.check().",
    .tp_methods = verdict_methods,
    .tp_getset = verdict_getset,
};
