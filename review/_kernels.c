/* Per-character loops of the check in C (issue 19), each beside the Python it stands in for,
 * which stays the reference and the fallback (tests/test_kernels.py compares the two on many
 * texts; where this does not build, the check runs the Python):
 * - the classifier's: finding a sentence's vocabulary n-grams in the mapped hash table
 *   (review/model/lookup.py, NgramTable) and summing their weights as
 *   review/model/scorer.py's `_one_by_one` does, in the same order, so that every sum is
 *   the same double to the last bit;
 * - EX9502's: where a pair of adjacent characters is a slip (context_data.Tables.slip_starts
 *   over a review.packed.CharStrings). */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* as review/model/lookup.py: a character's code point + 1 in 21 bits */
#define BITS 21

typedef struct {
    const int64_t *keys;
    const int32_t *values;
    Py_ssize_t slots;
} Table;

/* Linear probing as NgramTable.find does; at most `slots` probes, so that a damaged cache
 * file with no empty slot ends the search (the table is built half empty). */
static inline int32_t
probe(const Table *t, int64_t key, int *hit)
{
    Py_ssize_t slot = (Py_ssize_t)(key % t->slots);
    int64_t held = t->keys[slot];
    for (Py_ssize_t tried = 1; held != key && held && tried < t->slots; tried++) {
        slot = slot + 1 < t->slots ? slot + 1 : 0;
        held = t->keys[slot];
    }
    *hit = held == key;
    return *hit ? t->values[slot] : 0;
}

/* NgramTable.find: the feature of every n-gram of `text` in the table, each time it occurs,
 * by end position, the longest first. `out` holds 3 * length entries. */
static Py_ssize_t
find(const Table *t, PyObject *text, int32_t *out)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), found = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int64_t before = 0, before_that = 0;
    int hit;
    for (Py_ssize_t i = 0; i < n; i++) {
        int64_t code = (int64_t)PyUnicode_READ(kind, data, i) + 1;
        int32_t value;
        if (before_that) {
            value = probe(t, before_that | before << BITS | code << (2 * BITS), &hit);
            if (hit) out[found++] = value;
        }
        if (before) {
            value = probe(t, before | code << BITS, &hit);
            if (hit) out[found++] = value;
        }
        value = probe(t, code, &hit);
        if (hit) out[found++] = value;
        before_that = before;
        before = code;
    }
    return found;
}

/* Distinct features in the order first seen, with their counts (Counter's order): an
 * open-addressing map of feature → position in `distinct`. */
static Py_ssize_t
count_distinct(const int32_t *found, Py_ssize_t n, int32_t *distinct, Py_ssize_t *counts,
               int32_t *map, Py_ssize_t map_size)
{
    Py_ssize_t m = 0;
    for (Py_ssize_t s = 0; s < map_size; s++) map[s] = -1;
    for (Py_ssize_t k = 0; k < n; k++) {
        int32_t f = found[k];
        Py_ssize_t s = (Py_ssize_t)((uint32_t)f * 2654435761u % (uint64_t)map_size);
        while (map[s] >= 0 && distinct[map[s]] != f) s = s + 1 < map_size ? s + 1 : 0;
        if (map[s] < 0) {
            map[s] = (int32_t)m;
            distinct[m] = f;
            counts[m++] = 1;
        }
        else {
            counts[map[s]]++;
        }
    }
    return m;
}

static int
get_doubles(PyObject *obj, Py_buffer *view, Py_ssize_t at_least)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_SIMPLE) < 0) return -1;
    if (view->len < at_least * (Py_ssize_t)sizeof(double)) {
        PyBuffer_Release(view);
        PyErr_SetString(PyExc_ValueError, "a weight row is shorter than the vocabulary");
        return -1;
    }
    return 0;
}

/* sums(texts, keys, values, idf_squared, rows, features, sublinear) → [(square, [sum per
 * row]) per text]: what `_one_by_one` computes before the norm and the softmax. */
static PyObject *
sums(PyObject *self, PyObject *args)
{
    PyObject *texts, *keys_obj, *values_obj, *idf_obj, *rows;
    Py_ssize_t features;
    int sublinear;
    if (!PyArg_ParseTuple(args, "O!OOOO!np", &PyList_Type, &texts, &keys_obj, &values_obj,
                          &idf_obj, &PyTuple_Type, &rows, &features, &sublinear))
        return NULL;
    Py_ssize_t n_rows = PyTuple_GET_SIZE(rows);
    Py_buffer keys = {0}, values = {0}, idf = {0};
    Py_buffer *row = PyMem_Calloc(n_rows ? n_rows : 1, sizeof(Py_buffer));
    PyObject *result = NULL;
    int32_t *found = NULL, *distinct = NULL, *map = NULL;
    Py_ssize_t *counts = NULL;
    double *totals = NULL;
    Py_ssize_t got_rows = 0;
    int got_keys = 0, got_values = 0, got_idf = 0;
    if (row == NULL) return PyErr_NoMemory();
    if (PyObject_GetBuffer(keys_obj, &keys, PyBUF_SIMPLE) < 0) goto done;
    got_keys = 1;
    if (PyObject_GetBuffer(values_obj, &values, PyBUF_SIMPLE) < 0) goto done;
    got_values = 1;
    Table table = {keys.buf, values.buf, keys.len / (Py_ssize_t)sizeof(int64_t)};
    if (table.slots == 0 || values.len != table.slots * (Py_ssize_t)sizeof(int32_t)) {
        PyErr_SetString(PyExc_ValueError, "the n-gram table's keys and values differ in size");
        goto done;
    }
    if (get_doubles(idf_obj, &idf, features) < 0) goto done;
    got_idf = 1;
    for (; got_rows < n_rows; got_rows++) {
        if (get_doubles(PyTuple_GET_ITEM(rows, got_rows), &row[got_rows], features) < 0)
            goto done;
    }
    const double *idf2 = idf.buf;
    Py_ssize_t n_texts = PyList_GET_SIZE(texts), longest = 0;
    for (Py_ssize_t k = 0; k < n_texts; k++) {
        PyObject *text = PyList_GET_ITEM(texts, k);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "texts must be strings");
            goto done;
        }
        if (PyUnicode_GET_LENGTH(text) > longest) longest = PyUnicode_GET_LENGTH(text);
    }
    Py_ssize_t most = 3 * longest + 1, map_size = 2 * most + 1;
    found = PyMem_Malloc(most * sizeof(int32_t));
    distinct = PyMem_Malloc(most * sizeof(int32_t));
    counts = PyMem_Malloc(most * sizeof(Py_ssize_t));
    map = PyMem_Malloc(map_size * sizeof(int32_t));
    totals = PyMem_Malloc((n_rows ? n_rows : 1) * sizeof(double));
    if (!found || !distinct || !counts || !map || !totals) {
        PyErr_NoMemory();
        goto done;
    }
    result = PyList_New(n_texts);
    if (result == NULL) goto done;
    for (Py_ssize_t k = 0; k < n_texts; k++) {
        Py_ssize_t n = find(&table, PyList_GET_ITEM(texts, k), found);
        for (Py_ssize_t j = 0; j < n; j++) {
            if (found[j] < 0 || found[j] >= features) {
                PyErr_SetString(PyExc_ValueError, "the n-gram table names no such feature");
                Py_CLEAR(result);
                goto done;
            }
        }
        Py_ssize_t m = count_distinct(found, n, distinct, counts, map, map_size);
        /* every distinct n-gram counted once, summed in the order first seen (sum()) */
        double square = 0.0;
        for (Py_ssize_t j = 0; j < m; j++) square += idf2[distinct[j]];
        for (Py_ssize_t r = 0; r < n_rows; r++) {
            const double *w = row[r].buf;
            double s = 0.0;
            for (Py_ssize_t j = 0; j < m; j++) s += w[distinct[j]];
            totals[r] = s;
        }
        if (n > m) {
            /* then the repeated ones corrected to their factor: each correction summed on
             * its own, then added (`square += sum(…)`) */
            double extra_square = 0.0;
            for (Py_ssize_t j = 0; j < m; j++) {
                if (counts[j] > 1) {
                    double c = (double)counts[j];
                    double factor = sublinear ? 1.0 + log(c) : c;
                    extra_square += idf2[distinct[j]] * (factor * factor - 1.0);
                }
            }
            square += extra_square;
            for (Py_ssize_t r = 0; r < n_rows; r++) {
                const double *w = row[r].buf;
                double extra = 0.0;
                for (Py_ssize_t j = 0; j < m; j++) {
                    if (counts[j] > 1) {
                        double c = (double)counts[j];
                        double factor = sublinear ? 1.0 + log(c) : c;
                        extra += w[distinct[j]] * (factor - 1.0);
                    }
                }
                totals[r] += extra;
            }
        }
        PyObject *row_sums = PyList_New(n_rows);
        if (row_sums == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        for (Py_ssize_t r = 0; r < n_rows; r++) {
            PyObject *value = PyFloat_FromDouble(totals[r]);
            if (value == NULL) {
                Py_DECREF(row_sums);
                Py_CLEAR(result);
                goto done;
            }
            PyList_SET_ITEM(row_sums, r, value);
        }
        PyObject *pair = Py_BuildValue("(dN)", square, row_sums);
        if (pair == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, k, pair);
    }
done:
    for (Py_ssize_t r = 0; r < got_rows; r++) PyBuffer_Release(&row[r]);
    if (got_idf) PyBuffer_Release(&idf);
    if (got_values) PyBuffer_Release(&values);
    if (got_keys) PyBuffer_Release(&keys);
    PyMem_Free(row);
    PyMem_Free(found);
    PyMem_Free(distinct);
    PyMem_Free(counts);
    PyMem_Free(map);
    PyMem_Free(totals);
    return result;
}

/* find(text, keys, values) → [feature, …]: NgramTable.find, for the tests. */
static PyObject *
find_features(PyObject *self, PyObject *args)
{
    PyObject *text, *keys_obj, *values_obj;
    if (!PyArg_ParseTuple(args, "UOO", &text, &keys_obj, &values_obj)) return NULL;
    Py_buffer keys, values;
    if (PyObject_GetBuffer(keys_obj, &keys, PyBUF_SIMPLE) < 0) return NULL;
    if (PyObject_GetBuffer(values_obj, &values, PyBUF_SIMPLE) < 0) {
        PyBuffer_Release(&keys);
        return NULL;
    }
    PyObject *result = NULL;
    Table table = {keys.buf, values.buf, keys.len / (Py_ssize_t)sizeof(int64_t)};
    int32_t *found = NULL;
    if (table.slots == 0 || values.len != table.slots * (Py_ssize_t)sizeof(int32_t)) {
        PyErr_SetString(PyExc_ValueError, "the n-gram table's keys and values differ in size");
        goto done;
    }
    found = PyMem_Malloc((3 * PyUnicode_GET_LENGTH(text) + 1) * sizeof(int32_t));
    if (found == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t n = find(&table, text, found);
    result = PyList_New(n);
    for (Py_ssize_t j = 0; result != NULL && j < n; j++) {
        PyObject *value = PyLong_FromLong(found[j]);
        if (value == NULL) {
            Py_CLEAR(result);
            break;
        }
        PyList_SET_ITEM(result, j, value);
    }
done:
    PyMem_Free(found);
    PyBuffer_Release(&values);
    PyBuffer_Release(&keys);
    return result;
}

/* slip_starts(text, values, low, starts, ends) → [i, …]: each i where text[i + 1] is among
 * the characters `values[starts[c - low]:ends[c - low]]` of c = text[i] (CharStrings.has). */
static PyObject *
slip_starts(PyObject *self, PyObject *args)
{
    PyObject *text, *values;
    unsigned long long low;
    Py_buffer starts, ends;
    if (!PyArg_ParseTuple(args, "UUKy*y*", &text, &values, &low, &starts, &ends)) return NULL;
    PyObject *result = NULL;
    Py_ssize_t n_keys = starts.len / (Py_ssize_t)sizeof(uint32_t);
    Py_ssize_t n_values = PyUnicode_GET_LENGTH(values);
    if (ends.len != starts.len) {
        PyErr_SetString(PyExc_ValueError, "a character table's starts and ends differ");
        goto done;
    }
    const uint32_t *first = starts.buf, *last = ends.buf;
    int kind = PyUnicode_KIND(text), value_kind = PyUnicode_KIND(values);
    const void *data = PyUnicode_DATA(text), *value_data = PyUnicode_DATA(values);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    result = PyList_New(0);
    for (Py_ssize_t i = 0; result != NULL && i + 1 < n; i++) {
        unsigned long long at = (unsigned long long)PyUnicode_READ(kind, data, i) - low;
        if (PyUnicode_READ(kind, data, i) < low || at >= (unsigned long long)n_keys) continue;
        Py_ssize_t start = first[at], end = last[at];
        if (end > n_values) end = n_values;
        Py_UCS4 b = PyUnicode_READ(kind, data, i + 1);
        for (Py_ssize_t k = start; k < end; k++) {
            if (PyUnicode_READ(value_kind, value_data, k) == b) {
                PyObject *index = PyLong_FromSsize_t(i);
                if (index == NULL || PyList_Append(result, index) < 0) {
                    Py_XDECREF(index);
                    Py_CLEAR(result);
                }
                else {
                    Py_DECREF(index);
                }
                break;
            }
        }
    }
done:
    PyBuffer_Release(&starts);
    PyBuffer_Release(&ends);
    return result;
}

static PyMethodDef methods[] = {
    {"sums", sums, METH_VARARGS,
     "sums(texts, keys, values, idf_squared, rows, features, sublinear): per text, "
     "(sum of idf² with counts, [weight sum per row])"},
    {"slip_starts", slip_starts, METH_VARARGS,
     "slip_starts(text, values, low, starts, ends): where a pair of text is a slip, as "
     "Tables.slip_starts"},
    {"find", find_features, METH_VARARGS,
     "find(text, keys, values): the features of the text's n-grams, as NgramTable.find"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "review._kernels",
    "Per-character loops of the check in C (see review/_kernels.c).", -1, methods,
};

PyMODINIT_FUNC
PyInit__kernels(void)
{
    return PyModule_Create(&module);
}
