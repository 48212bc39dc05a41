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

/* Two characters mixed into 32 bits: the matcher's and the slips' bit filters */
static inline uint32_t
pair_hash(uint32_t first, uint32_t second)
{
    uint32_t h = first * 0x9E3779B1u ^ (second + 0x7F4A7C15u) * 0x85EBCA77u;
    return h ^ (h >> 15);
}

/* as review/model/lookup.py: a character's code point + 1 in 21 bits */
#define BITS 21

typedef struct {
    const int64_t *keys;
    const int32_t *values;
    Py_ssize_t slots;
    int nested;  /* every n-gram's two shorter ones are in the table too (`nested`) */
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
 * by end position, the longest first. `out` holds 3 * length entries. In a nested table a
 * pair is looked up only where both its characters were found, a triple only where both its
 * pairs were: the same features, without most of the look-ups that would miss. */
static Py_ssize_t
find(const Table *t, PyObject *text, int32_t *out)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), found = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int64_t before = 0, before_that = 0;
    int hit, one = 0, two = 0, one_before = 0, two_before = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int64_t code = (int64_t)PyUnicode_READ(kind, data, i) + 1;
        int32_t value;
        if (t->nested) {
            int32_t unigram = probe(t, code, &one), bigram = 0, trigram = 0;
            int three = 0;
            two = 0;
            if (before && one && one_before) bigram = probe(t, before | code << BITS, &two);
            if (before_that && two && two_before)
                trigram = probe(t, before_that | before << BITS | code << (2 * BITS), &three);
            if (three) out[found++] = trigram;
            if (two) out[found++] = bigram;
            if (one) out[found++] = unigram;
            one_before = one;
            two_before = two;
            before_that = before;
            before = code;
            continue;
        }
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

/* The weights a sum reads: column c of feature f at base[c][f * stride] — idf² first, then
 * one row per class after the first. Stride 1: the model's own columns, mapped; a larger
 * stride: the columns interleaved (Scorer.warm), a feature's weights in one cache line. */
#define MAX_COLUMNS 16

typedef struct {
    const double *base[MAX_COLUMNS];
    Py_buffer view[MAX_COLUMNS];
    Py_ssize_t stride;
    Py_ssize_t columns;
} Weights;

static void
release_weights(Weights *w, Py_ssize_t held)
{
    for (Py_ssize_t c = 0; c < held; c++) PyBuffer_Release(&w->view[c]);
}

static int
get_weights(PyObject *columns, Py_ssize_t stride, Py_ssize_t features, Weights *w)
{
    w->columns = PyTuple_GET_SIZE(columns);
    w->stride = stride;
    if (w->columns < 1 || w->columns > MAX_COLUMNS || stride < 1) {
        PyErr_SetString(PyExc_ValueError, "between 1 and 16 weight columns, stride at least 1");
        return -1;
    }
    /* each column must hold feature features − 1 at its stride */
    Py_ssize_t need = features ? ((features - 1) * stride + 1) * (Py_ssize_t)sizeof(double) : 0;
    for (Py_ssize_t c = 0; c < w->columns; c++) {
        if (PyObject_GetBuffer(PyTuple_GET_ITEM(columns, c), &w->view[c], PyBUF_SIMPLE) < 0) {
            release_weights(w, c);
            return -1;
        }
        if (w->view[c].len < need) {
            release_weights(w, c + 1);
            PyErr_SetString(PyExc_ValueError, "a weight row is shorter than the vocabulary");
            return -1;
        }
        w->base[c] = w->view[c].buf;
    }
    return 0;
}

/* math.fsum of n finite doubles, as CPython computes it (Modules/mathmodule.c: Shewchuk's
 * partials, then the half-even correction across partials), so that the probabilities are
 * those of `_softmax` to the last bit. */
static double
fsum(const double *values, Py_ssize_t count)
{
    double partials[MAX_COLUMNS + 2], x, y, t, hi, yr, lo = 0.0;
    Py_ssize_t n = 0;
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_ssize_t i = 0;
        x = values[k];
        for (Py_ssize_t j = 0; j < n; j++) {
            y = partials[j];
            if (fabs(x) < fabs(y)) {
                t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) partials[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) partials[n++] = x;
    }
    hi = 0.0;
    if (n > 0) {
        hi = partials[--n];
        while (n > 0) {
            x = hi;
            y = partials[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) ||
                      (lo > 0.0 && partials[n - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    return hi;
}

/* Scorer._softmax: probabilities[0 … rows] from the sums; 0 where a value is not finite
 * (a damaged model): the caller then leaves the text to the Python. */
static int
softmax(double square, const double *totals, const double *offsets, Py_ssize_t rows,
        double *probabilities)
{
    double norm = sqrt(square);
    if (norm == 0.0) norm = 1.0;
    double logits[MAX_COLUMNS], top = 0.0;
    logits[0] = 0.0;
    for (Py_ssize_t r = 0; r < rows; r++) {
        logits[r + 1] = totals[r] / norm + offsets[r];
        if (!isfinite(logits[r + 1])) return 0;
        if (logits[r + 1] > top) top = logits[r + 1];  /* max(): the first of the largest */
    }
    for (Py_ssize_t c = 0; c <= rows; c++) probabilities[c] = exp(logits[c] - top);
    double total = fsum(probabilities, rows + 1);
    for (Py_ssize_t c = 0; c <= rows; c++) probabilities[c] = probabilities[c] / total;
    return 1;
}

/* flagged_class (review/model/flag.py) with each class's role: 0 neutral, 1 not in use,
 * 2 in use with its threshold. The class's index, or −1. */
static Py_ssize_t
flagged(const double *p, Py_ssize_t classes, const int *roles, const double *thresholds)
{
    Py_ssize_t best = -1;
    double best_p = -1.0, neutral = 0.0, unused = 0.0;
    int has_neutral = 0;
    for (Py_ssize_t c = 0; c < classes; c++) {
        if (roles[c] == 0) {
            neutral = p[c];
            has_neutral = 1;
        }
        else if (roles[c] == 1) {
            unused += p[c];
        }
        else if (p[c] > best_p) {
            best = c;
            best_p = p[c];
        }
    }
    if (best < 0) return -1;
    double sure = has_neutral ? 1.0 - neutral - unused : best_p;
    return sure >= thresholds[best] ? best : -1;
}

/* sums(texts, keys, values, columns, stride, features, sublinear[, offsets[, roles,
 * thresholds]]) → per text: (square, [sum per row]) — what `_one_by_one` computes before the
 * norm and the softmax; with offsets, the class probabilities (`_softmax`); with roles and
 * thresholds too, the flagged class's index or −1. None for a text whose values are not
 * finite (the Python computes it). */
static PyObject *
sums(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *texts, *keys_obj, *values_obj, *columns, *offsets_obj = Py_None;
    PyObject *roles_obj = Py_None, *thresholds_obj = Py_None;
    Py_ssize_t stride, features;
    int sublinear, nested = 0;
    static char *names[] = {"", "", "", "", "", "", "", "", "", "", "nested", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!OOO!nnp|OOO$p", names, &PyList_Type,
                                     &texts, &keys_obj, &values_obj, &PyTuple_Type, &columns,
                                     &stride, &features, &sublinear, &offsets_obj, &roles_obj,
                                     &thresholds_obj, &nested))
        return NULL;
    Weights weights;
    Py_buffer keys = {0}, values = {0};
    PyObject *result = NULL;
    int32_t *found = NULL, *distinct = NULL, *map = NULL;
    Py_ssize_t *counts = NULL;
    int got_keys = 0, got_values = 0, got_weights = 0;
    double offsets[MAX_COLUMNS], thresholds[MAX_COLUMNS + 1];
    int roles[MAX_COLUMNS + 1];
    int with_offsets = offsets_obj != Py_None, with_flags = roles_obj != Py_None;
    if (PyObject_GetBuffer(keys_obj, &keys, PyBUF_SIMPLE) < 0) goto done;
    got_keys = 1;
    if (PyObject_GetBuffer(values_obj, &values, PyBUF_SIMPLE) < 0) goto done;
    got_values = 1;
    Table table = {keys.buf, values.buf, keys.len / (Py_ssize_t)sizeof(int64_t), nested};
    if (table.slots == 0 || values.len != table.slots * (Py_ssize_t)sizeof(int32_t)) {
        PyErr_SetString(PyExc_ValueError, "the n-gram table's keys and values differ in size");
        goto done;
    }
    if (get_weights(columns, stride, features, &weights) < 0) goto done;
    got_weights = 1;
    Py_ssize_t n_rows = weights.columns - 1;
    if (with_offsets) {
        if (!PyTuple_Check(offsets_obj) || PyTuple_GET_SIZE(offsets_obj) != n_rows) {
            PyErr_SetString(PyExc_ValueError, "one offset per class row");
            goto done;
        }
        for (Py_ssize_t r = 0; r < n_rows; r++) {
            offsets[r] = PyFloat_AsDouble(PyTuple_GET_ITEM(offsets_obj, r));
            if (offsets[r] == -1.0 && PyErr_Occurred()) goto done;
        }
    }
    if (with_flags) {
        if (!with_offsets || !PyTuple_Check(roles_obj) || !PyTuple_Check(thresholds_obj) ||
                PyTuple_GET_SIZE(roles_obj) != n_rows + 1 ||
                PyTuple_GET_SIZE(thresholds_obj) != n_rows + 1) {
            PyErr_SetString(PyExc_ValueError, "flags need offsets and a role and threshold "
                            "per class");
            goto done;
        }
        for (Py_ssize_t c = 0; c <= n_rows; c++) {
            long role = PyLong_AsLong(PyTuple_GET_ITEM(roles_obj, c));
            thresholds[c] = PyFloat_AsDouble(PyTuple_GET_ITEM(thresholds_obj, c));
            if (PyErr_Occurred()) goto done;
            if (role < 0 || role > 2) {
                PyErr_SetString(PyExc_ValueError, "a class's role is 0, 1 or 2");
                goto done;
            }
            roles[c] = (int)role;
        }
    }
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
    if (!found || !distinct || !counts || !map) {
        PyErr_NoMemory();
        goto done;
    }
    result = PyList_New(n_texts);
    if (result == NULL) goto done;
    const Py_ssize_t step = weights.stride;
    const double *idf2 = weights.base[0];
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
        /* every distinct n-gram counted once, summed in the order first seen (sum()); each
         * column's sum is its own accumulator, so reading a feature's columns together adds
         * the same doubles in the same order as a column at a time */
        double square = 0.0, totals[MAX_COLUMNS];
        for (Py_ssize_t r = 0; r < n_rows; r++) totals[r] = 0.0;
        for (Py_ssize_t j = 0; j < m; j++) {
            Py_ssize_t at = (Py_ssize_t)distinct[j] * step;
            square += idf2[at];
            for (Py_ssize_t r = 0; r < n_rows; r++) totals[r] += weights.base[r + 1][at];
        }
        if (n > m) {
            /* then the repeated ones corrected to their factor: each correction summed on
             * its own, then added (`square += sum(…)`) */
            double extra_square = 0.0, extra[MAX_COLUMNS];
            for (Py_ssize_t r = 0; r < n_rows; r++) extra[r] = 0.0;
            for (Py_ssize_t j = 0; j < m; j++) {
                if (counts[j] > 1) {
                    double c = (double)counts[j];
                    double factor = sublinear ? 1.0 + log(c) : c;
                    Py_ssize_t at = (Py_ssize_t)distinct[j] * step;
                    extra_square += idf2[at] * (factor * factor - 1.0);
                    for (Py_ssize_t r = 0; r < n_rows; r++)
                        extra[r] += weights.base[r + 1][at] * (factor - 1.0);
                }
            }
            square += extra_square;
            for (Py_ssize_t r = 0; r < n_rows; r++) totals[r] += extra[r];
        }
        PyObject *item;
        if (with_offsets) {
            double p[MAX_COLUMNS];
            if (!softmax(square, totals, offsets, n_rows, p)) {
                item = Py_NewRef(Py_None);
            }
            else if (with_flags) {
                item = PyLong_FromSsize_t(flagged(p, n_rows + 1, roles, thresholds));
            }
            else {
                item = PyList_New(n_rows + 1);
                for (Py_ssize_t c = 0; item != NULL && c <= n_rows; c++) {
                    PyObject *value = PyFloat_FromDouble(p[c]);
                    if (value == NULL) Py_CLEAR(item);
                    else PyList_SET_ITEM(item, c, value);
                }
            }
        }
        else {
            PyObject *row_sums = PyList_New(n_rows);
            for (Py_ssize_t r = 0; row_sums != NULL && r < n_rows; r++) {
                PyObject *value = PyFloat_FromDouble(totals[r]);
                if (value == NULL) Py_CLEAR(row_sums);
                else PyList_SET_ITEM(row_sums, r, value);
            }
            item = row_sums == NULL ? NULL : Py_BuildValue("(dN)", square, row_sums);
        }
        if (item == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, k, item);
    }
done:
    if (got_weights) release_weights(&weights, weights.columns);
    if (got_values) PyBuffer_Release(&values);
    if (got_keys) PyBuffer_Release(&keys);
    PyMem_Free(found);
    PyMem_Free(distinct);
    PyMem_Free(counts);
    PyMem_Free(map);
    return result;
}

/* find(text, keys, values) → [feature, …]: NgramTable.find, for the tests. */
/* nested(keys, values) → whether every pair and triple of the n-gram table has its two
 * shorter n-grams in the table too (a vocabulary cut by document frequency has: a longer
 * n-gram is in no more documents than its parts), so that `find` may skip look-ups. */
static PyObject *
nested_table(PyObject *self, PyObject *args)
{
    PyObject *keys_obj, *values_obj;
    if (!PyArg_ParseTuple(args, "OO", &keys_obj, &values_obj)) return NULL;
    Py_buffer keys, values;
    if (PyObject_GetBuffer(keys_obj, &keys, PyBUF_SIMPLE) < 0) return NULL;
    if (PyObject_GetBuffer(values_obj, &values, PyBUF_SIMPLE) < 0) {
        PyBuffer_Release(&keys);
        return NULL;
    }
    Table t = {keys.buf, values.buf, keys.len / (Py_ssize_t)sizeof(int64_t), 0};
    int nested = t.slots > 0 && values.len == t.slots * (Py_ssize_t)sizeof(int32_t), hit = 0;
    const int64_t low = ((int64_t)1 << BITS) - 1, two = ((int64_t)1 << (2 * BITS)) - 1;
    for (Py_ssize_t slot = 0; nested && slot < t.slots; slot++) {
        int64_t key = t.keys[slot];
        if (key <= low) continue;  /* empty, or one character */
        probe(&t, key & (key > two ? two : low), &hit);
        nested = hit;
        if (nested) {
            probe(&t, key >> BITS, &hit);
            nested = hit;
        }
    }
    PyBuffer_Release(&values);
    PyBuffer_Release(&keys);
    return PyBool_FromLong(nested);
}

static PyObject *
find_features(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *text, *keys_obj, *values_obj;
    int nested = 0;
    static char *names[] = {"", "", "", "nested", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "UOO|$p", names, &text, &keys_obj,
                                     &values_obj, &nested))
        return NULL;
    Py_buffer keys, values;
    if (PyObject_GetBuffer(keys_obj, &keys, PyBUF_SIMPLE) < 0) return NULL;
    if (PyObject_GetBuffer(values_obj, &values, PyBUF_SIMPLE) < 0) {
        PyBuffer_Release(&keys);
        return NULL;
    }
    PyObject *result = NULL;
    Table table = {keys.buf, values.buf, keys.len / (Py_ssize_t)sizeof(int64_t), nested};
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

/* Whether `b` is among values[start:end] (a CharStrings value): a binary search where the
 * table's values are each sorted (`sorted_spans` said so), else a scan. The index or −1. */
static inline Py_ssize_t
span_find(int kind, const void *data, Py_ssize_t start, Py_ssize_t end, Py_UCS4 b, int sorted)
{
    if (sorted) {
        Py_ssize_t low = start, high = end;
        while (low < high) {
            Py_ssize_t mid = low + (high - low) / 2;
            if (PyUnicode_READ(kind, data, mid) < b) low = mid + 1;
            else high = mid;
        }
        return low < end && PyUnicode_READ(kind, data, low) == b ? low : -1;
    }
    for (Py_ssize_t k = start; k < end; k++) {
        if (PyUnicode_READ(kind, data, k) == b) return k;
    }
    return -1;
}

/* sorted_spans(values, starts, ends) → whether each key's value is in ascending order with
 * no repeats (then `span_find` may search it by halves). */
static PyObject *
sorted_spans(PyObject *self, PyObject *args)
{
    PyObject *values;
    Py_buffer starts, ends;
    if (!PyArg_ParseTuple(args, "Uy*y*", &values, &starts, &ends)) return NULL;
    int sorted = ends.len == starts.len;
    int kind = PyUnicode_KIND(values);
    const void *data = PyUnicode_DATA(values);
    Py_ssize_t n = PyUnicode_GET_LENGTH(values), keys = starts.len / (Py_ssize_t)sizeof(uint32_t);
    const uint32_t *first = starts.buf, *last = ends.buf;
    for (Py_ssize_t key = 0; sorted && key < keys; key++) {
        Py_ssize_t end = last[key] > (uint32_t)n ? n : last[key];
        for (Py_ssize_t k = (Py_ssize_t)first[key] + 1; k < end; k++) {
            if (PyUnicode_READ(kind, data, k - 1) >= PyUnicode_READ(kind, data, k)) {
                sorted = 0;
                break;
            }
        }
    }
    PyBuffer_Release(&starts);
    PyBuffer_Release(&ends);
    return PyBool_FromLong(sorted);
}

/* slip_starts(text, values, low, starts, ends) → [i, …]: each i where text[i + 1] is among
 * the characters `values[starts[c - low]:ends[c - low]]` of c = text[i] (CharStrings.has). */
static PyObject *
slip_starts(PyObject *self, PyObject *args)
{
    PyObject *text, *values;
    unsigned long long low;
    Py_buffer starts, ends;
    int sorted = 0;
    if (!PyArg_ParseTuple(args, "UUKy*y*|p", &text, &values, &low, &starts, &ends, &sorted))
        return NULL;
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
        if (span_find(value_kind, value_data, start, end, b, sorted) >= 0) {
            PyObject *index = PyLong_FromSsize_t(i);
            if (index == NULL || PyList_Append(result, index) < 0) {
                Py_XDECREF(index);
                Py_CLEAR(result);
            }
            else {
                Py_DECREF(index);
            }
        }
    }
done:
    PyBuffer_Release(&starts);
    PyBuffer_Release(&ends);
    return result;
}

/* EX9502's tables as context_data.Tables holds them (review.packed): followers and their
 * counts by first character, the first character's total and number of followers, each
 * character's log weight. */
typedef struct {
    int f_kind, c_kind;
    const void *f_data, *c_data;
    Py_ssize_t f_len, c_len;
    unsigned long long f_low, t_low, y_low, w_low;
    const uint32_t *f_starts, *f_ends, *totals, *types;
    const double *weights;
    Py_ssize_t f_keys, n_totals, n_types, n_weights;
    double log_total_weight;
    int f_sorted;
    Py_buffer views[5];
} Follow;

static int
get_follow(PyObject *tables, Follow *f)
{
    PyObject *followers, *counts;
    Py_buffer *v = f->views;
    if (!PyArg_ParseTuple(tables, "UKy*y*pUKy*Ky*Ky*d", &followers, &f->f_low, &v[0], &v[1],
                          &f->f_sorted, &counts, &f->t_low, &v[2], &f->y_low, &v[3], &f->w_low,
                          &v[4], &f->log_total_weight))
        return -1;
    f->f_kind = PyUnicode_KIND(followers);
    f->f_data = PyUnicode_DATA(followers);
    f->f_len = PyUnicode_GET_LENGTH(followers);
    f->c_kind = PyUnicode_KIND(counts);
    f->c_data = PyUnicode_DATA(counts);
    f->c_len = PyUnicode_GET_LENGTH(counts);
    f->f_starts = v[0].buf;
    f->f_ends = v[1].buf;
    f->f_keys = v[0].len / (Py_ssize_t)sizeof(uint32_t);
    f->totals = v[2].buf;
    f->n_totals = v[2].len / (Py_ssize_t)sizeof(uint32_t);
    f->types = v[3].buf;
    f->n_types = v[3].len / (Py_ssize_t)sizeof(uint32_t);
    f->weights = v[4].buf;
    f->n_weights = v[4].len / (Py_ssize_t)sizeof(double);
    if (v[1].len != v[0].len) {
        PyErr_SetString(PyExc_ValueError, "a character table's starts and ends differ");
        for (int k = 0; k < 5; k++) PyBuffer_Release(&v[k]);
        return -1;
    }
    return 0;
}

static void
release_follow(Follow *f)
{
    for (int k = 0; k < 5; k++) PyBuffer_Release(&f->views[k]);
}

/* CharNumbers.value: 0 for a character the table does not reach */
static inline double
count_of(const uint32_t *values, Py_ssize_t n, unsigned long long low, Py_UCS4 c)
{
    return c >= low && c - low < (unsigned long long)n ? (double)values[c - low] : 0.0;
}

/* Tables._log_follow, operation for operation (the same libm exp and log): log P(b | a). */
static double
log_follow(const Follow *f, Py_UCS4 a, Py_UCS4 b)
{
    double total = count_of(f->totals, f->n_totals, f->t_low, a);
    double types = count_of(f->types, f->n_types, f->y_low, a);
    double lam = total != 0.0 ? total / (total + types) : 0.0;
    double count = 0.0;
    if (a >= f->f_low && a - f->f_low < (unsigned long long)f->f_keys) {
        Py_ssize_t start = f->f_starts[a - f->f_low], end = f->f_ends[a - f->f_low];
        if (end > f->f_len) end = f->f_len;
        Py_ssize_t at = span_find(f->f_kind, f->f_data, start, end, b, f->f_sorted);
        if (at >= 0 && at < f->c_len)
            count = (double)PyUnicode_READ(f->c_kind, f->c_data, at) - 48;
    }
    double seen = total != 0.0 ? count / total : 0.0;
    double weight = b >= f->w_low && b - f->w_low < (unsigned long long)f->n_weights
                    ? f->weights[b - f->w_low] : 0.0;
    double unigram = weight != 0.0 ? exp(weight - f->log_total_weight) : 1e-9;
    return log(lam * seen + (1 - lam + 1e-3) * unigram);
}

static inline int
is_cjk(Py_UCS4 c)
{
    return c >= 0x4E00 && c <= 0x9FFF;
}

/* A review.packed.CharStrings as its parts: the values joined, the lowest key, where each
 * key's value starts and ends; `sorted`: each value ascending (sorted_spans). */
typedef struct {
    int kind;
    const void *data;
    Py_ssize_t length, keys;
    unsigned long long low;
    const uint32_t *starts, *ends;
    Py_buffer views[2];
} CharTable;

static int
get_table(PyObject *parts, CharTable *t)
{
    PyObject *text;
    if (!PyTuple_Check(parts) || !PyArg_ParseTuple(parts, "UKy*y*", &text, &t->low,
                                                   &t->views[0], &t->views[1])) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "a character table is (text, low, starts, ends)");
        return -1;
    }
    if (t->views[0].len != t->views[1].len) {
        PyBuffer_Release(&t->views[0]);
        PyBuffer_Release(&t->views[1]);
        PyErr_SetString(PyExc_ValueError, "a character table's starts and ends differ");
        return -1;
    }
    t->kind = PyUnicode_KIND(text);
    t->data = PyUnicode_DATA(text);
    t->length = PyUnicode_GET_LENGTH(text);
    t->starts = t->views[0].buf;
    t->ends = t->views[1].buf;
    t->keys = t->views[0].len / (Py_ssize_t)sizeof(uint32_t);
    return 0;
}

static void
release_table(CharTable *t)
{
    PyBuffer_Release(&t->views[0]);
    PyBuffer_Release(&t->views[1]);
}

/* CharStrings.span: where c's value lies (an empty span for a key it does not hold) */
static inline void
span_of(const CharTable *t, Py_UCS4 c, Py_ssize_t *start, Py_ssize_t *end)
{
    *start = *end = 0;
    if (c >= t->low && c - t->low < (unsigned long long)t->keys) {
        *start = t->starts[c - t->low];
        *end = t->ends[c - t->low] < (uint32_t)t->length ? t->ends[c - t->low] : t->length;
    }
}

/* A slip's place: its character and neighbours, and the two log_follow terms of the
 * character written, the same for every correction of it (computed at the first). */
typedef struct {
    Py_ssize_t start, k, at;
    Py_UCS4 wrong, before, after;
    int known;
    double before_wrong, wrong_after;
} Place;

static Place
place_of(int kind, const void *data, Py_ssize_t n, Py_ssize_t start, Py_ssize_t k)
{
    Py_ssize_t at = start + k;
    return (Place){start, k, at, PyUnicode_READ(kind, data, at),
                   at > 0 ? PyUnicode_READ(kind, data, at - 1) : 0,
                   at + 1 < n ? PyUnicode_READ(kind, data, at + 1) : 0, 0, 0.0, 0.0};
}

/* One correction found: (start, at, fixed, right, pair gain) when the gain reaches the floor
 * (the gain added up in `features`' order: before's terms, then after's). */
static int
weigh(PyObject *result, const Follow *f, int kind, const void *data, Place *p, Py_UCS4 put,
      double floor)
{
    if (!p->known) {
        if (is_cjk(p->before)) p->before_wrong = log_follow(f, p->before, p->wrong);
        if (is_cjk(p->after)) p->wrong_after = log_follow(f, p->wrong, p->after);
        p->known = 1;
    }
    double gain = 0.0;
    if (is_cjk(p->before)) gain += log_follow(f, p->before, put) - p->before_wrong;
    if (is_cjk(p->after)) gain += log_follow(f, put, p->after) - p->wrong_after;
    if (!(gain >= floor)) return 0;
    Py_UCS4 word[2] = {PyUnicode_READ(kind, data, p->start),
                       PyUnicode_READ(kind, data, p->start + 1)};
    word[p->k] = put;
    PyObject *right = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, word, 2);
    PyObject *fixed = PyUnicode_FromOrdinal((int)put);
    PyObject *found = right && fixed
                      ? Py_BuildValue("(nnOOd)", p->start, p->at, fixed, right, gain) : NULL;
    Py_XDECREF(right);
    Py_XDECREF(fixed);
    if (found == NULL) return -1;
    int failed = PyList_Append(result, found);
    Py_DECREF(found);
    return failed;
}

/* The characters both sorted values hold (a merge), each weighed as the correction at
 * the place: ContextTypos._corrections's sorted set intersection. */
static int
weigh_common(PyObject *result, const Follow *f, int kind, const void *data, Place place,
             const CharTable *x, Py_UCS4 in_x, const CharTable *y, Py_UCS4 in_y, double floor)
{
    Py_ssize_t i, i_end, j, j_end;
    span_of(x, in_x, &i, &i_end);
    span_of(y, in_y, &j, &j_end);
    while (i < i_end && j < j_end) {
        Py_UCS4 a = PyUnicode_READ(x->kind, x->data, i), b = PyUnicode_READ(y->kind, y->data, j);
        if (a < b) i++;
        else if (b < a) j++;
        else {
            if (weigh(result, f, kind, data, &place, a, floor) < 0) return -1;
            i++;
            j++;
        }
    }
    return 0;
}

/* A bit for each pair of characters a CharStrings table holds (key, a character of its
 * value), hashed into PAIR_BITS bits: most pairs of prose are no slip, and the bit says so
 * without reading the 2 MB table. */
#define PAIR_BITS (1u << 23)

static inline uint32_t
pair_bit(Py_UCS4 a, Py_UCS4 b)
{
    return pair_hash(a, b) & (PAIR_BITS - 1);
}

/* pair_bits(parts) → the bits of a character table's pairs (CharStrings.parts) */
static PyObject *
pair_bits(PyObject *self, PyObject *parts)
{
    CharTable t;
    if (get_table(parts, &t) < 0) return NULL;
    PyObject *bits = PyBytes_FromStringAndSize(NULL, PAIR_BITS / 8);
    if (bits != NULL) {
        unsigned char *b = (unsigned char *)PyBytes_AS_STRING(bits);
        memset(b, 0, PAIR_BITS / 8);
        for (Py_ssize_t key = 0; key < t.keys; key++) {
            Py_ssize_t start, end;
            span_of(&t, (Py_UCS4)(t.low + key), &start, &end);
            for (Py_ssize_t k = start; k < end; k++) {
                uint32_t h = pair_bit((Py_UCS4)(t.low + key), PyUnicode_READ(t.kind, t.data, k));
                b[h >> 3] |= (unsigned char)(1 << (h & 7));
            }
        }
    }
    release_table(&t);
    return bits;
}

/* slip_candidates(text, floor, slips, sources, before, after, follow[, bits]) → [(start,
 * at, fixed, right, pair gain), …]: ContextTypos._candidates with the pair gain `features`
 * computes — every slip (a pair the `slips` table holds), each correction of it (a source of
 * the first character that comes before the second in a word, then a source of the second
 * that comes after the first, each in code point order), kept where the gain reaches
 * `floor`. The character tables (CharStrings' parts) must hold their values sorted
 * (sorted_spans); `bits`, pair_bits of `slips`, refuses most pairs before the table is read. */
static PyObject *
slip_candidates(PyObject *self, PyObject *args)
{
    PyObject *text, *slips_obj, *sources_obj, *before_obj, *after_obj, *follow;
    double floor;
    Py_buffer bits = {.buf = NULL, .len = 0};
    if (!PyArg_ParseTuple(args, "UdOOOOO!|y*", &text, &floor, &slips_obj, &sources_obj,
                          &before_obj, &after_obj, &PyTuple_Type, &follow, &bits))
        return NULL;
    CharTable tables[4];
    PyObject *parts[4] = {slips_obj, sources_obj, before_obj, after_obj};
    int got = 0;
    Follow f;
    PyObject *result = NULL;
    if (bits.buf != NULL && bits.len != PAIR_BITS / 8) {
        PyErr_SetString(PyExc_ValueError, "slip_candidates: bits are not pair_bits'");
        goto done;
    }
    const unsigned char *b_bits = bits.buf;
    for (; got < 4; got++) {
        if (get_table(parts[got], &tables[got]) < 0) goto done;
    }
    if (get_follow(follow, &f) < 0) goto done;
    const CharTable *slips = &tables[0], *sources = &tables[1], *before = &tables[2],
                    *after = &tables[3];
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    result = PyList_New(0);
    for (Py_ssize_t i = 0; result != NULL && i + 1 < n; i++) {
        Py_UCS4 a = PyUnicode_READ(kind, data, i), b = PyUnicode_READ(kind, data, i + 1);
        if (b_bits != NULL) {
            uint32_t h = pair_bit(a, b);
            if (!((b_bits[h >> 3] >> (h & 7)) & 1)) continue;
        }
        Py_ssize_t start, end;
        span_of(slips, a, &start, &end);
        if (start >= end || span_find(slips->kind, slips->data, start, end, b, 1) < 0) continue;
        if (weigh_common(result, &f, kind, data, place_of(kind, data, n, i, 0), sources, a,
                         before, b, floor) < 0 ||
                weigh_common(result, &f, kind, data, place_of(kind, data, n, i, 1), sources, b,
                             after, a, floor) < 0)
            Py_CLEAR(result);
    }
    release_follow(&f);
done:
    for (int k = 0; k < got; k++) release_table(&tables[k]);
    if (bits.buf != NULL) PyBuffer_Release(&bits);
    return result;
}

/* word_index(joined, width) → where the words of each first character start, for the
 * characters below WORD_INDEX and one past (those above share the last span): WORD_INDEX + 2
 * uint32 counts of words, read by `best`; None when the words are not sorted by their
 * first character (then `best` searches them all, as it always could). */
#define WORD_INDEX 0x10000

static PyObject *
word_index(PyObject *self, PyObject *args)
{
    PyObject *joined;
    Py_ssize_t width;
    if (!PyArg_ParseTuple(args, "Un", &joined, &width)) return NULL;
    Py_ssize_t words = width > 0 ? PyUnicode_GET_LENGTH(joined) / width : 0;
    if (width <= 0 || words >= (Py_ssize_t)UINT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "word_index: a width of at least one");
        return NULL;
    }
    PyObject *result = PyBytes_FromStringAndSize(NULL, (WORD_INDEX + 1) * sizeof(uint32_t));
    if (result == NULL) return NULL;
    uint32_t *index = (uint32_t *)PyBytes_AS_STRING(result);
    int kind = PyUnicode_KIND(joined);
    const void *data = PyUnicode_DATA(joined);
    Py_ssize_t w = 0;
    Py_UCS4 last = 0;
    for (Py_UCS4 c = 0; c <= WORD_INDEX; c++) {
        while (w < words && PyUnicode_READ(kind, data, w * width) < c) {
            Py_UCS4 first = PyUnicode_READ(kind, data, w * width);
            if (first < last) {
                Py_DECREF(result);
                Py_RETURN_NONE;
            }
            last = first;
            w++;
        }
        index[c] = (uint32_t)w;
    }
    for (Py_ssize_t k = w; k + 1 < words; k++) {  /* the rest sorted too */
        if (PyUnicode_READ(kind, data, k * width) > PyUnicode_READ(kind, data, (k + 1) * width)) {
            Py_DECREF(result);
            Py_RETURN_NONE;
        }
    }
    return result;
}

/* Lexicon._search: the word's log-probability, or 0 with *hit 0 when the lexicon (its
 * words of this width sorted and joined) does not hold it. `index` (word_index), when
 * given, says where the words of each first character lie: the search is among those. */
static double
word_logp(PyObject *joined, PyObject *freqs, const uint32_t *index, int kind,
          const void *data, Py_ssize_t from, Py_ssize_t width, double log_total, int *hit)
{
    *hit = 0;
    if (joined == Py_None) return 0.0;
    int j_kind = PyUnicode_KIND(joined);
    const void *j_data = PyUnicode_DATA(joined);
    Py_ssize_t low = 0, high = PyUnicode_GET_LENGTH(joined) / width;
    if (index != NULL) {  /* clamped: an index is only ever narrower than the words */
        Py_UCS4 first = PyUnicode_READ(kind, data, from);
        Py_ssize_t a = index[first < WORD_INDEX ? first : WORD_INDEX];
        Py_ssize_t b = first < WORD_INDEX ? (Py_ssize_t)index[first + 1] : high;
        high = b < high ? b : high;
        low = a < high ? a : high;
    }
    while (low < high) {  /* the first word not below it */
        Py_ssize_t mid = (low + high) / 2;
        int below = 0;
        for (Py_ssize_t c = 0; c < width; c++) {
            Py_UCS4 x = PyUnicode_READ(j_kind, j_data, mid * width + c);
            Py_UCS4 y = PyUnicode_READ(kind, data, from + c);
            if (x != y) {
                below = x < y;
                break;
            }
        }
        if (below) low = mid + 1;
        else high = mid;
    }
    if ((low + 1) * width > PyUnicode_GET_LENGTH(joined)) return 0.0;
    for (Py_ssize_t c = 0; c < width; c++) {
        if (PyUnicode_READ(j_kind, j_data, low * width + c) !=
                PyUnicode_READ(kind, data, from + c))
            return 0.0;
    }
    if (low >= PyUnicode_GET_LENGTH(freqs)) return 0.0;
    *hit = 1;
    return ((double)PyUnicode_READ_CHAR(freqs, low) - 48) / 4 - log_total;
}

/* best(texts, words, freqs, log_total) → [Lexicon.best(text), …]: the likeliest
 * segmentation's log-probability, the same additions and comparisons in the same order.
 * words[w − 1], freqs[w − 1]: the lexicon's words of width w joined, and their quantised
 * frequencies (None where it has none), for w = 1 … 4. */
static PyObject *
segment_best(PyObject *self, PyObject *args)
{
    PyObject *texts, *words, *freqs, *indexes = Py_None;
    double log_total;
    if (!PyArg_ParseTuple(args, "O!O!O!d|O", &PyList_Type, &texts, &PyTuple_Type, &words,
                          &PyTuple_Type, &freqs, &log_total, &indexes))
        return NULL;
    if (PyTuple_GET_SIZE(words) != 4 || PyTuple_GET_SIZE(freqs) != 4 ||
            (indexes != Py_None && (!PyTuple_Check(indexes) || PyTuple_GET_SIZE(indexes) != 4))) {
        PyErr_SetString(PyExc_ValueError, "words, frequencies and indexes of widths 1 to 4");
        return NULL;
    }
    const uint32_t *index[4] = {NULL, NULL, NULL, NULL};
    for (Py_ssize_t w = 0; w < 4; w++) {
        PyObject *joined = PyTuple_GET_ITEM(words, w), *freq = PyTuple_GET_ITEM(freqs, w);
        if ((joined != Py_None && !PyUnicode_Check(joined)) ||
                (joined != Py_None && !PyUnicode_Check(freq))) {
            PyErr_SetString(PyExc_TypeError, "the lexicon's words and frequencies are strings");
            return NULL;
        }
        PyObject *one = indexes == Py_None ? Py_None : PyTuple_GET_ITEM(indexes, w);
        if (one == Py_None) continue;
        if (!PyBytes_Check(one) ||
                PyBytes_GET_SIZE(one) != (WORD_INDEX + 1) * (Py_ssize_t)sizeof(uint32_t)) {
            PyErr_SetString(PyExc_ValueError, "an index is word_index's");
            return NULL;
        }
        index[w] = (const uint32_t *)PyBytes_AS_STRING(one);
        Py_ssize_t count = joined == Py_None ? 0 : PyUnicode_GET_LENGTH(joined) / (w + 1);
        if ((Py_ssize_t)index[w][WORD_INDEX] > count) {
            PyErr_SetString(PyExc_ValueError, "an index of other words");
            return NULL;
        }
    }
    double unknown = -log_total - 8.0, *score = NULL;
    Py_ssize_t room = 0;
    PyObject *result = PyList_New(PyList_GET_SIZE(texts));
    for (Py_ssize_t t = 0; result != NULL && t < PyList_GET_SIZE(texts); t++) {
        PyObject *text = PyList_GET_ITEM(texts, t);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "texts must be strings");
            Py_CLEAR(result);
            break;
        }
        Py_ssize_t size = PyUnicode_GET_LENGTH(text);
        if (size + 1 > room) {
            PyMem_Free(score);
            room = size + 1;
            score = PyMem_Malloc(room * sizeof(double));
            if (score == NULL) {
                PyErr_NoMemory();
                Py_CLEAR(result);
                break;
            }
        }
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        score[0] = 0.0;
        for (Py_ssize_t i = 1; i <= size; i++) score[i] = -INFINITY;
        for (Py_ssize_t i = 0; i < size; i++) {
            double here = score[i];
            Py_ssize_t last = i + 4 < size ? i + 4 : size;
            for (Py_ssize_t end = i + 1; end <= last; end++) {
                int hit;
                double p = word_logp(PyTuple_GET_ITEM(words, end - i - 1),
                                     PyTuple_GET_ITEM(freqs, end - i - 1), index[end - i - 1],
                                     kind, data, i,
                                     end - i, log_total, &hit);
                if (!hit) {
                    if (end - i > 1) continue;
                    p = unknown;
                }
                if (here + p > score[end]) score[end] = here + p;
            }
        }
        PyObject *value = PyFloat_FromDouble(score[size]);
        if (value == NULL) {
            Py_CLEAR(result);
            break;
        }
        PyList_SET_ITEM(result, t, value);
    }
    PyMem_Free(score);
    return result;
}

/* key_bits(table) → bytes: bit c set for each int key c < 0x10000 of a str.translate table,
 * so that `translate` asks the dict only for the characters it holds (and those past the
 * BMP). */
static PyObject *
key_bits(PyObject *self, PyObject *table)
{
    if (!PyDict_Check(table)) {
        PyErr_SetString(PyExc_TypeError, "a translate table is a dict");
        return NULL;
    }
    PyObject *bits = PyBytes_FromStringAndSize(NULL, 0x10000 / 8);
    if (bits == NULL) return NULL;
    unsigned char *b = (unsigned char *)PyBytes_AS_STRING(bits);
    memset(b, 0, 0x10000 / 8);
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(table, &pos, &key, &value)) {
        if (!PyLong_Check(key)) continue;
        long c = PyLong_AsLong(key);
        if (c == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            continue;
        }
        if (c >= 0 && c < 0x10000) b[c >> 3] |= (unsigned char)(1 << (c & 7));
    }
    return bits;
}

typedef struct {
    Py_UCS4 *chars;
    Py_ssize_t size, room;
} Chars;

static int
put(Chars *out, Py_UCS4 c)
{
    if (out->size == out->room) {
        Py_ssize_t room = out->room * 2 + 16;
        Py_UCS4 *grown = PyMem_Realloc(out->chars, room * sizeof(Py_UCS4));
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        out->chars = grown;
        out->room = room;
    }
    out->chars[out->size++] = c;
    return 0;
}

/* translate(text, table, bits) → text.translate(table), for a dict table whose keys below
 * 0x10000 `bits` marks (key_bits): the same values, None deleting, a string or a code point
 * put in the character's place. */
static PyObject *
translate(PyObject *self, PyObject *args)
{
    PyObject *text, *table;
    Py_buffer bits;
    if (!PyArg_ParseTuple(args, "UO!y*", &text, &PyDict_Type, &table, &bits)) return NULL;
    const unsigned char *b = bits.buf;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), marked = bits.len * 8;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Chars out = {PyMem_Malloc((n + 16) * sizeof(Py_UCS4)), 0, n + 16};
    PyObject *result = NULL;
    if (out.chars == NULL) {
        PyBuffer_Release(&bits);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < 0x10000 && ((Py_ssize_t)c >= marked || !((b[c >> 3] >> (c & 7)) & 1))) {
            if (put(&out, c) < 0) goto done;
            continue;
        }
        PyObject *key = PyLong_FromLong((long)c);
        if (key == NULL) goto done;
        PyObject *value = PyDict_GetItemWithError(table, key);  /* borrowed */
        Py_DECREF(key);
        if (value == NULL) {
            if (PyErr_Occurred()) goto done;
            if (put(&out, c) < 0) goto done;
        }
        else if (value == Py_None) {
            continue;
        }
        else if (PyUnicode_Check(value)) {
            for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(value); k++) {
                if (put(&out, PyUnicode_READ_CHAR(value, k)) < 0) goto done;
            }
        }
        else if (PyLong_Check(value)) {
            long code = PyLong_AsLong(value);
            if (code == -1 && PyErr_Occurred()) goto done;
            if (code < 0 || code > 0x10FFFF) {
                PyErr_SetString(PyExc_ValueError, "character mapping must be in range(0x110000)");
                goto done;
            }
            if (put(&out, (Py_UCS4)code) < 0) goto done;
        }
        else {
            PyErr_SetString(PyExc_TypeError,
                            "character mapping must return integer, None or str");
            goto done;
        }
    }
    result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out.chars, out.size);
done:
    PyMem_Free(out.chars);
    PyBuffer_Release(&bits);
    return result;
}

/* What normalize.compact keeps: a character re's \w takes (Py_UNICODE_ISALNUM, as _sre's) but
 * the underscore, or a boundary (。!?; and the line break) — the complement of _NOISE_CHAR. */
static inline int
kept(Py_UCS4 c)
{
    return Py_UNICODE_ISALNUM(c) || c == 0x3002 || c == '!' || c == '?' || c == ';' ||
           c == '\n';
}

/* A view's offsets (a list of ints, or a range: View.identity's) read as numbers, without
 * making an int object for each. */
typedef struct {
    PyObject *sequence;
    Py_ssize_t first, step;
    int is_range;
} Offsets;

static int
get_offsets(PyObject *sequence, Py_ssize_t n, Offsets *o)
{
    o->sequence = sequence;
    o->is_range = PyRange_Check(sequence);
    o->first = 0;
    o->step = 1;
    if (o->is_range) {
        PyObject *first = PyObject_GetAttrString(sequence, "start");
        PyObject *step = PyObject_GetAttrString(sequence, "step");
        if (first != NULL && step != NULL) {
            o->first = PyLong_AsSsize_t(first);
            o->step = PyLong_AsSsize_t(step);
        }
        Py_XDECREF(first);
        Py_XDECREF(step);
        if (PyErr_Occurred()) return -1;
    }
    Py_ssize_t size = PySequence_Size(sequence);
    if (size < 0) return -1;
    if (size != n) {
        PyErr_SetString(PyExc_ValueError, "a view's offsets are one per character");
        return -1;
    }
    return 0;
}

static int
offset_at(const Offsets *o, Py_ssize_t i, int64_t *value)
{
    if (o->is_range) {
        *value = (int64_t)(o->first + i * o->step);
        return 0;
    }
    PyObject *item = PyList_Check(o->sequence) ? Py_NewRef(PyList_GET_ITEM(o->sequence, i))
                                                : PySequence_GetItem(o->sequence, i);
    if (item == NULL) return -1;
    Py_ssize_t got = PyLong_AsSsize_t(item);
    Py_DECREF(item);
    if (got == -1 && PyErr_Occurred()) return -1;
    *value = (int64_t)got;
    return 0;
}

/* compact(text, starts, ends) → None when no character of text is noise, else (the text
 * without its noise, the kept characters' starts, their ends, their indices in text — each
 * as the bytes of an array of int64): normalize.compact's CompactView. */
static PyObject *
compact(PyObject *self, PyObject *args)
{
    PyObject *text, *starts, *ends;
    if (!PyArg_ParseTuple(args, "UOO", &text, &starts, &ends)) return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Offsets from, to;
    if (get_offsets(starts, n, &from) < 0 || get_offsets(ends, n, &to) < 0) return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t m = 0;
    for (Py_ssize_t i = 0; i < n; i++) m += kept(PyUnicode_READ(kind, data, i));
    if (m == n) Py_RETURN_NONE;
    Py_UCS4 *chars = PyMem_Malloc((m ? m : 1) * sizeof(Py_UCS4));
    Py_ssize_t bytes = m * (Py_ssize_t)sizeof(int64_t);
    PyObject *kept_starts = PyBytes_FromStringAndSize(NULL, bytes);
    PyObject *kept_ends = PyBytes_FromStringAndSize(NULL, bytes);
    PyObject *source = PyBytes_FromStringAndSize(NULL, bytes);
    PyObject *result = NULL;
    if (chars == NULL || kept_starts == NULL || kept_ends == NULL || source == NULL) {
        if (chars == NULL) PyErr_NoMemory();
        goto done;
    }
    int64_t *put_start = (int64_t *)PyBytes_AS_STRING(kept_starts);
    int64_t *put_end = (int64_t *)PyBytes_AS_STRING(kept_ends);
    int64_t *put_source = (int64_t *)PyBytes_AS_STRING(source);
    for (Py_ssize_t i = 0, k = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!kept(c)) continue;
        if (offset_at(&from, i, &put_start[k]) < 0 || offset_at(&to, i, &put_end[k]) < 0)
            goto done;
        chars[k] = c;
        put_source[k++] = (int64_t)i;
    }
    PyObject *out = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, chars, m);
    if (out != NULL) result = Py_BuildValue("(NOOO)", out, kept_starts, kept_ends, source);
done:
    PyMem_Free(chars);
    Py_XDECREF(kept_starts);
    Py_XDECREF(kept_ends);
    Py_XDECREF(source);
    return result;
}

/* A set of keys searched in a text for every occurrence, nested and overlapping ones
 * included, reported as pyahocorasick's `iter` reports them: by the last character's index,
 * the longest first where several end at one character (review/automaton.py's Matches).
 * The keys are grouped by their first two characters (a key of one character by itself) in
 * an open-addressed table; a bit per hashed pair and per character (8 KB each) refuses most
 * places of a text before the table is read. The table is a bytes object: `matcher` builds
 * it, `matches` searches with it. */

#define MATCHER_MAGIC 0x52564d32u  /* "RVM2" */
#define ONE_CHAR 0xFFFFFFFFu        /* the second character of a key of one */

typedef struct {
    uint32_t magic, keys, slots, chars, pair_bits;  /* pair_bits: a power of two */
} MatcherHead;

typedef struct {
    uint32_t first, second, from, count;  /* count 0: an empty slot */
} MatcherSlot;

typedef struct {
    uint32_t id, at, length;  /* the key's number, where its characters are, how many */
} MatcherKey;

#define BITS_BYTES 8192  /* 65536 bits: a key of one character, by its low 16 bits */

static inline Py_ssize_t
matcher_size(uint32_t keys, uint32_t slots, uint32_t chars, uint32_t pair_bits)
{
    return (Py_ssize_t)sizeof(MatcherHead) + 2 * BITS_BYTES + pair_bits / 8 +
           slots * sizeof(MatcherSlot) +
           keys * sizeof(MatcherKey) + chars * sizeof(uint32_t);
}

typedef struct {
    uint32_t first, second, id;
} KeyOrder;

static int
by_pair(const void *a, const void *b)
{
    const KeyOrder *x = a, *y = b;
    if (x->first != y->first) return x->first < y->first ? -1 : 1;
    if (x->second != y->second) return x->second < y->second ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* matcher(keys) → the table for a list of distinct non-empty strings, numbered by place */
static PyObject *
matcher(PyObject *self, PyObject *keys)
{
    if (!PyList_Check(keys)) {
        PyErr_SetString(PyExc_TypeError, "matcher() takes a list of strings");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(keys), chars = 0;
    if (n >= (Py_ssize_t)UINT32_MAX / 4) {
        PyErr_SetString(PyExc_OverflowError, "too many keys");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *key = PyList_GET_ITEM(keys, i);
        if (!PyUnicode_Check(key) || PyUnicode_GET_LENGTH(key) == 0) {
            PyErr_SetString(PyExc_ValueError, "keys must be non-empty strings");
            return NULL;
        }
        chars += PyUnicode_GET_LENGTH(key);
        if (chars >= (Py_ssize_t)UINT32_MAX / 8) {
            PyErr_SetString(PyExc_OverflowError, "keys too long");
            return NULL;
        }
    }
    uint32_t slots = 16, pair_bits = 1u << 16;
    while (slots < 2 * (uint64_t)n) slots *= 2;  /* at most half full */
    /* some sixteen bits a key (up to 256 KB): a pair of prose no key opens seldom passes,
     * and the slots, past the cache, are read only for those that do */
    while (pair_bits < 16 * (uint64_t)n && pair_bits < (1u << 21)) pair_bits *= 2;
    PyObject *table = PyBytes_FromStringAndSize(NULL, matcher_size((uint32_t)n, slots,
                                                                   (uint32_t)chars, pair_bits));
    KeyOrder *order = PyMem_Malloc((n + 1) * sizeof(KeyOrder));
    if (table == NULL || order == NULL) {
        Py_XDECREF(table);
        PyMem_Free(order);
        return PyErr_NoMemory();
    }
    char *base = PyBytes_AS_STRING(table);
    memset(base, 0, PyBytes_GET_SIZE(table));
    MatcherHead *head = (MatcherHead *)base;
    unsigned char *firsts = (unsigned char *)(head + 1), *ones = firsts + BITS_BYTES;
    unsigned char *pairs = ones + BITS_BYTES;
    MatcherSlot *slot = (MatcherSlot *)(pairs + pair_bits / 8);
    MatcherKey *entry = (MatcherKey *)(slot + slots);
    uint32_t *text = (uint32_t *)(entry + n);
    *head = (MatcherHead){MATCHER_MAGIC, (uint32_t)n, slots, (uint32_t)chars, pair_bits};
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *key = PyList_GET_ITEM(keys, i);
        order[i].first = PyUnicode_READ_CHAR(key, 0);
        order[i].second = PyUnicode_GET_LENGTH(key) > 1 ? PyUnicode_READ_CHAR(key, 1) : ONE_CHAR;
        order[i].id = (uint32_t)i;
    }
    qsort(order, n, sizeof(KeyOrder), by_pair);
    uint32_t at = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *key = PyList_GET_ITEM(keys, order[i].id);
        Py_ssize_t length = PyUnicode_GET_LENGTH(key);
        entry[i] = (MatcherKey){order[i].id, at, (uint32_t)length};
        for (Py_ssize_t k = 0; k < length; k++) text[at++] = PyUnicode_READ_CHAR(key, k);
        uint32_t first = order[i].first, second = order[i].second;
        firsts[(first & 0xFFFF) >> 3] |= (unsigned char)(1 << (first & 7));
        if (second == ONE_CHAR) ones[(first & 0xFFFF) >> 3] |= (unsigned char)(1 << (first & 7));
        else {
            uint32_t h = pair_hash(first, second) & (pair_bits - 1);
            pairs[h >> 3] |= (unsigned char)(1 << (h & 7));
        }
        if (i > 0 && order[i - 1].first == first && order[i - 1].second == second) continue;
        uint32_t s = pair_hash(first, second) & (slots - 1);
        while (slot[s].count) s = (s + 1) & (slots - 1);
        Py_ssize_t j = i;
        while (j < n && order[j].first == first && order[j].second == second) j++;
        slot[s] = (MatcherSlot){first, second, (uint32_t)i, (uint32_t)(j - i)};
    }
    PyMem_Free(order);
    return table;
}

typedef struct {
    Py_ssize_t end;
    uint32_t length, id;
} Found;

static int
by_end_longest(const void *a, const void *b)
{
    const Found *x = a, *y = b;
    if (x->end != y->end) return x->end < y->end ? -1 : 1;
    return x->length > y->length ? -1 : x->length < y->length;
}

static inline const MatcherSlot *
slot_of(const MatcherSlot *slot, uint32_t slots, uint32_t first, uint32_t second)
{
    for (uint32_t s = pair_hash(first, second) & (slots - 1), probes = 0; probes < slots;
         s = (s + 1) & (slots - 1), probes++) {
        if (!slot[s].count) return NULL;
        if (slot[s].first == first && slot[s].second == second) return &slot[s];
    }
    return NULL;
}

/* Appends the keys of `group` found at `start` of the text. */
static int
found_at(const MatcherSlot *group, const MatcherKey *entry, const uint32_t *chars,
         int kind, const void *data, Py_ssize_t n, Py_ssize_t start, Found **out,
         Py_ssize_t *size, Py_ssize_t *room)
{
    for (uint32_t k = group->from; k < group->from + group->count; k++) {
        const MatcherKey *key = &entry[k];
        if (start + (Py_ssize_t)key->length > n) continue;
        uint32_t c = 2;
        while (c < key->length && PyUnicode_READ(kind, data, start + c) == chars[key->at + c]) c++;
        if (c < key->length) continue;
        if (*size == *room) {
            *room = *room * 2 + 64;
            Found *grown = PyMem_Realloc(*out, *room * sizeof(Found));
            if (grown == NULL) {
                PyErr_NoMemory();
                return -1;
            }
            *out = grown;
        }
        (*out)[(*size)++] = (Found){start + key->length - 1, key->length, key->id};
    }
    return 0;
}

/* matches(table, text, values[, grouped]) → [(end, values[id])] of every key found, as
 * pyahocorasick's iter orders them; with values None, (end, id). Grouped: {values[id]:
 * [start, …]}, each key's starts in that order (review.automaton's words). */
static PyObject *
matches(PyObject *self, PyObject *args)
{
    Py_buffer table;
    PyObject *text, *values;
    int grouped = 0;
    if (!PyArg_ParseTuple(args, "y*UO|p", &table, &text, &values, &grouped)) return NULL;
    const MatcherHead *head = table.buf;
    if ((uintptr_t)table.buf % 4 || table.len < (Py_ssize_t)sizeof(MatcherHead) ||
        head->magic != MATCHER_MAGIC || (head->slots & (head->slots - 1)) ||
        head->pair_bits < 8 || (head->pair_bits & (head->pair_bits - 1)) ||
        table.len != matcher_size(head->keys, head->slots, head->chars, head->pair_bits) ||
        (values != Py_None && (!PyList_Check(values) ||
                               PyList_GET_SIZE(values) != (Py_ssize_t)head->keys)) ||
        (grouped && values == Py_None)) {
        PyBuffer_Release(&table);
        PyErr_SetString(PyExc_ValueError, "not a matcher table for these values");
        return NULL;
    }
    const unsigned char *firsts = (const unsigned char *)(head + 1);
    const unsigned char *ones = firsts + BITS_BYTES, *pairs = ones + BITS_BYTES;
    const MatcherSlot *slot = (const MatcherSlot *)(pairs + head->pair_bits / 8);
    const uint32_t pair_mask = head->pair_bits - 1;
    const MatcherKey *entry = (const MatcherKey *)(slot + head->slots);
    const uint32_t *chars = (const uint32_t *)(entry + head->keys);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), size = 0, room = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Found *found = NULL;
    PyObject *result = NULL;
    /* a loop for each width of character: most places are refused by the first character's
     * bit alone, in a few instructions */
#define MATCHES_SCAN(TYPE)                                                                  \
    for (Py_ssize_t i = 0; i < n; i++) {                                                    \
        uint32_t first = ((const TYPE *)data)[i];                                           \
        if (!((firsts[(first & 0xFFFF) >> 3] >> (first & 7)) & 1)) continue;               \
        if ((ones[(first & 0xFFFF) >> 3] >> (first & 7)) & 1) {                             \
            const MatcherSlot *group = slot_of(slot, head->slots, first, ONE_CHAR);         \
            if (group != NULL &&                                                            \
                found_at(group, entry, chars, kind, data, n, i, &found, &size, &room) < 0)  \
                goto done;                                                                  \
        }                                                                                   \
        if (i + 1 == n) break;                                                              \
        uint32_t second = ((const TYPE *)data)[i + 1];                                      \
        uint32_t h = pair_hash(first, second) & pair_mask;                                  \
        if (!((pairs[h >> 3] >> (h & 7)) & 1)) continue;                                    \
        const MatcherSlot *group = slot_of(slot, head->slots, first, second);               \
        if (group != NULL &&                                                                \
            found_at(group, entry, chars, kind, data, n, i, &found, &size, &room) < 0)      \
            goto done;                                                                      \
    }
    if (kind == PyUnicode_1BYTE_KIND) MATCHES_SCAN(Py_UCS1)
    else if (kind == PyUnicode_2BYTE_KIND) MATCHES_SCAN(Py_UCS2)
    else MATCHES_SCAN(Py_UCS4)
#undef MATCHES_SCAN
    qsort(found, size, sizeof(Found), by_end_longest);
    if (grouped) {
        result = PyDict_New();
        for (Py_ssize_t k = 0; result != NULL && k < size; k++) {
            PyObject *key = PyList_GET_ITEM(values, found[k].id);
            PyObject *starts = PyDict_GetItemWithError(result, key);  /* borrowed */
            PyObject *start = PyLong_FromSsize_t(found[k].end + 1 - found[k].length);
            int failed = start == NULL || (starts == NULL && PyErr_Occurred());
            if (!failed && starts == NULL) {
                starts = PyList_New(0);
                failed = starts == NULL || PyDict_SetItem(result, key, starts) < 0;
                Py_XDECREF(starts);  /* the dict holds it */
            }
            failed = failed || PyList_Append(starts, start) < 0;
            Py_XDECREF(start);
            if (failed) Py_CLEAR(result);
        }
        goto done;
    }
    result = PyList_New(size);
    if (result == NULL) goto done;
    for (Py_ssize_t k = 0; k < size; k++) {
        PyObject *value = values == Py_None ? PyLong_FromUnsignedLong(found[k].id)
                                            : Py_NewRef(PyList_GET_ITEM(values, found[k].id));
        PyObject *pair = value == NULL ? NULL : Py_BuildValue("(nN)", found[k].end, value);
        if (pair == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, k, pair);
    }
done:
    PyMem_Free(found);
    PyBuffer_Release(&table);
    return result;
}

/* halves(text, found, first, count, offset, length, points, confusable) → (start, end, entry)
 * of HalvesArrays.candidates, in the order found: for each half found ((last, value) pairs),
 * each word sharing it (entries first[value] … + count[value]) that the text there misspells
 * by one character the word's stands for (Typos._candidates' loop; typos._the_slip). The
 * numbers are int64 arrays: a word's characters four an entry, zero-padded; `confusable`
 * sorted keys (right << 21) | wrong. */
static PyObject *
halves(PyObject *self, PyObject *args)
{
    PyObject *text, *found, *result = NULL;
    Py_buffer b[6];
    if (!PyArg_ParseTuple(args, "UO!y*y*y*y*y*y*", &text, &PyList_Type, &found, &b[0], &b[1],
                          &b[2], &b[3], &b[4], &b[5]))
        return NULL;
    const int64_t *first = b[0].buf, *count = b[1].buf, *offset = b[2].buf,
                  *length = b[3].buf, *points = b[4].buf, *confusable = b[5].buf;
    Py_ssize_t values = b[0].len / 8, entries = b[2].len / 8, keys = b[5].len / 8;
    int aligned = 1;
    for (int k = 0; k < 6; k++) aligned &= b[k].len % 8 == 0 && (uintptr_t)b[k].buf % 8 == 0;
    if (!aligned || b[1].len != b[0].len || b[3].len != b[2].len || b[4].len != 4 * b[2].len) {
        PyErr_SetString(PyExc_ValueError, "halves: arrays of int64 of matching sizes expected");
        goto done;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    result = PyList_New(0);
    if (result == NULL) goto done;
    for (Py_ssize_t f = 0; f < PyList_GET_SIZE(found); f++) {
        PyObject *pair = PyList_GET_ITEM(found, f);
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
            PyErr_SetString(PyExc_TypeError, "halves: (last, value) pairs expected");
            goto fail;
        }
        Py_ssize_t last = PyLong_AsSsize_t(PyTuple_GET_ITEM(pair, 0));
        Py_ssize_t value = PyLong_AsSsize_t(PyTuple_GET_ITEM(pair, 1));
        if ((last == -1 || value == -1) && PyErr_Occurred()) goto fail;
        if (value < 0 || value >= values || first[value] < 0 || count[value] < 0 ||
            first[value] + count[value] > entries) {
            PyErr_SetString(PyExc_ValueError, "halves: a value past the tables");
            goto fail;
        }
        for (int64_t e = first[value]; e < first[value] + count[value]; e++) {
            Py_ssize_t start = last - 1 - (Py_ssize_t)offset[e], size = (Py_ssize_t)length[e];
            if (start < 0 || start + size > n || (size != 3 && size != 4)) continue;
            const int64_t *word = points + 4 * e;
            int i = offset[e] == 0 ? 2 : 0, slip;
            int right_i = PyUnicode_READ(kind, data, start + i) == word[i];
            if (size == 4) {
                int right_j = PyUnicode_READ(kind, data, start + i + 1) == word[i + 1];
                if (right_i == right_j) continue;
                slip = right_i ? i + 1 : i;
            }
            else {
                if (right_i) continue;
                slip = i;
            }
            int64_t key = (word[slip] << 21) | PyUnicode_READ(kind, data, start + slip);
            Py_ssize_t low = 0, high = keys;
            while (low < high) {
                Py_ssize_t mid = (low + high) / 2;
                if (confusable[mid] < key) low = mid + 1;
                else high = mid;
            }
            if (low == keys || confusable[low] != key) continue;
            PyObject *one = Py_BuildValue("(nnL)", start, start + size, (long long)e);
            if (one == NULL || PyList_Append(result, one) < 0) {
                Py_XDECREF(one);
                goto fail;
            }
            Py_DECREF(one);
        }
    }
    goto done;
fail:
    Py_CLEAR(result);
done:
    for (int k = 0; k < 6; k++) PyBuffer_Release(&b[k]);
    return result;
}

/* sentences(found, ends, meanings) → (sentence → set of classes, each match's sentence,
 * the matches that hold a cue): CooccurrenceStage._sentences and _take_cues' walk in one
 * pass. `found`: (last, payload) pairs, a payload ((class, length), …) whose first length
 * places the match's start; `ends`: where sentences end, ascending; `meanings`: the stage's
 * memo of a payload's (classes, whether it holds a cue), read with its __missing__ as the
 * Python reads it. */
static PyObject *
sentences(PyObject *self, PyObject *args)
{
    PyObject *found, *ends_obj, *meanings;
    if (!PyArg_ParseTuple(args, "O!O!O", &PyList_Type, &found, &PyList_Type, &ends_obj,
                          &meanings))
        return NULL;
    Py_ssize_t n_ends = PyList_GET_SIZE(ends_obj), n = PyList_GET_SIZE(found);
    Py_ssize_t *ends = PyMem_Malloc((n_ends + 1) * sizeof(Py_ssize_t));
    PyObject *by_sentence = PyDict_New(), *of = PyList_New(n), *with_cues = PyList_New(0);
    PyObject *result = NULL, *set = NULL;
    Py_ssize_t current = -1;
    if (ends == NULL || by_sentence == NULL || of == NULL || with_cues == NULL) {
        if (ends == NULL) PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < n_ends; k++) {
        ends[k] = PyLong_AsSsize_t(PyList_GET_ITEM(ends_obj, k));
        if (ends[k] == -1 && PyErr_Occurred()) goto done;
    }
    for (Py_ssize_t m = 0; m < n; m++) {
        PyObject *pair = PyList_GET_ITEM(found, m), *payload, *first;
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2 ||
                !PyTuple_Check(payload = PyTuple_GET_ITEM(pair, 1)) ||
                PyTuple_GET_SIZE(payload) == 0 ||
                !PyTuple_Check(first = PyTuple_GET_ITEM(payload, 0)) ||
                PyTuple_GET_SIZE(first) != 2) {
            PyErr_SetString(PyExc_TypeError, "sentences: (last, ((class, length), …)) expected");
            goto done;
        }
        Py_ssize_t last = PyLong_AsSsize_t(PyTuple_GET_ITEM(pair, 0));
        Py_ssize_t length = PyLong_AsSsize_t(PyTuple_GET_ITEM(first, 1));
        if ((last == -1 || length == -1) && PyErr_Occurred()) goto done;
        Py_ssize_t start = last + 1 - length, low = 0, high = n_ends;
        while (low < high) {  /* bisect_right */
            Py_ssize_t mid = (low + high) / 2;
            if (start < ends[mid]) high = mid;
            else low = mid + 1;
        }
        PyObject *sentence = PyLong_FromSsize_t(low);
        if (sentence == NULL) goto done;
        PyList_SET_ITEM(of, m, sentence);
        if (low != current) {
            set = PyDict_GetItemWithError(by_sentence, sentence);  /* borrowed */
            if (set == NULL) {
                if (PyErr_Occurred()) goto done;
                set = PySet_New(NULL);
                if (set == NULL || PyDict_SetItem(by_sentence, sentence, set) < 0) {
                    Py_XDECREF(set);
                    goto done;
                }
                Py_DECREF(set);  /* the dict holds it */
            }
            current = low;
        }
        PyObject *meaning = PyObject_GetItem(meanings, payload);
        if (meaning == NULL) goto done;
        if (!PyTuple_Check(meaning) || PyTuple_GET_SIZE(meaning) != 2) {
            Py_DECREF(meaning);
            PyErr_SetString(PyExc_TypeError, "sentences: a meaning is (classes, cued)");
            goto done;
        }
        PyObject *iterator = PyObject_GetIter(PyTuple_GET_ITEM(meaning, 0));
        int truth = iterator == NULL ? -1 : PyObject_IsTrue(PyTuple_GET_ITEM(meaning, 1));
        Py_DECREF(meaning);
        if (iterator == NULL) goto done;
        if (truth < 0) {
            Py_DECREF(iterator);
            goto done;
        }
        PyObject *item;
        while ((item = PyIter_Next(iterator)) != NULL) {
            int failed = PySet_Add(set, item);
            Py_DECREF(item);
            if (failed < 0) break;
        }
        Py_DECREF(iterator);
        if (PyErr_Occurred()) goto done;
        if (truth < 0 || (truth && PyList_Append(with_cues, pair) < 0)) goto done;
    }
    result = PyTuple_Pack(3, by_sentence, of, with_cues);
done:
    PyMem_Free(ends);
    Py_XDECREF(by_sentence);
    Py_XDECREF(of);
    Py_XDECREF(with_cues);
    return result;
}

static PyMethodDef methods[] = {
    {"sums", (PyCFunction)(void (*)(void))sums, METH_VARARGS | METH_KEYWORDS,
     "sums(texts, keys, values, columns, stride, features, sublinear[, offsets[, roles, "
     "thresholds]], *, nested=False): per text, (sum of idf² with counts, [weight sum per "
     "row]); with offsets the class probabilities; with roles and thresholds the flagged "
     "class or -1"},
    {"slip_starts", slip_starts, METH_VARARGS,
     "slip_starts(text, values, low, starts, ends[, sorted]): where a pair of text is a "
     "slip, as Tables.slip_starts (searching each value by halves when sorted)"},
    {"sorted_spans", sorted_spans, METH_VARARGS,
     "sorted_spans(values, starts, ends): whether each key's value is sorted, without repeats"},
    {"slip_candidates", slip_candidates, METH_VARARGS,
     "slip_candidates(text, floor, slips, sources, before, after, follow[, bits]): EX9502's "
     "corrections whose character-pair gain reaches the floor, with the gain"},
    {"pair_bits", pair_bits, METH_O,
     "pair_bits(parts): a bit for each pair a character table holds, as slip_candidates "
     "reads them"},
    {"best", segment_best, METH_VARARGS,
     "best(texts, words, freqs, log_total[, indexes]): Lexicon.best of each text"},
    {"word_index", word_index, METH_VARARGS,
     "word_index(joined, width): where the words of each first character start, for best"},
    {"key_bits", key_bits, METH_O,
     "key_bits(table): a bit for each key below 0x10000 of a str.translate dict"},
    {"translate", translate, METH_VARARGS,
     "translate(text, table, bits): text.translate(table), asking the dict only where bits say"},
    {"compact", compact, METH_VARARGS,
     "compact(text, starts, ends): None when nothing is noise, else (text, starts, ends, "
     "source) of normalize.compact, the numbers as bytes of int64 arrays"},
    {"find", (PyCFunction)(void (*)(void))find_features, METH_VARARGS | METH_KEYWORDS,
     "find(text, keys, values, *, nested=False): the features of the text's n-grams, as "
     "NgramTable.find"},
    {"nested", nested_table, METH_VARARGS,
     "nested(keys, values): whether every n-gram's two shorter ones are in the table too"},
    {"sentences", sentences, METH_VARARGS,
     "sentences(found, ends, meanings): CooccurrenceStage._sentences and the matches "
     "holding a cue, in one pass"},
    {"halves", halves, METH_VARARGS,
     "halves(text, found, first, count, offset, length, points, confusable): (start, end, "
     "entry) of HalvesArrays.candidates, in the order found"},
    {"matcher", matcher, METH_O,
     "matcher(keys): the table `matches` searches for these distinct non-empty strings"},
    {"matches", matches, METH_VARARGS,
     "matches(table, text, values[, grouped]): (end, values[key]) of every key found in "
     "text, as pyahocorasick's iter gives them; (end, key) with values None; grouped, "
     "{values[key]: [start, …]}"},
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
