#include "backend/trace/compactgraph.h"

#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace flowviz::trace {

namespace {

// trace_graph's columns as the compact query selects them.
enum Column
{
    Kind,
    Level,
    Code,
    Type,
    Status,
    Weight,
    ParentCode,
    ChildCode,
    Quantity
};

std::string_view viewOf(QByteArrayView v)
{
    return {v.data(), size_t(v.size())};
}

void appendString(QByteArray &out, QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (u < 0x20) {
            out.append("\\u00", 4);
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xf]);
        } else {
            out.append(c); // UTF-8 passes through: PostgreSQL sends valid UTF-8 only
        }
    }
    out.append('"');
}

// A number as PostgreSQL printed it (an integer or a numeric), or null; anything else, such as
// a numeric NaN, would not be JSON.
void appendNumber(QByteArray &out, const db::PgResult &rows, int row, int col)
{
    if (rows.isNull(row, col)) {
        out.append("null", 4);
        return;
    }
    const QByteArrayView v = rows.bytes(row, col);
    bool digit = false;
    for (qsizetype i = 0; i < v.size(); ++i) {
        const char c = v[i];
        if (c >= '0' && c <= '9')
            digit = true;
        else if (!(c == '-' && i == 0) && c != '.')
            throw std::runtime_error("trace_graph gave a value that is not a number");
    }
    if (!digit)
        throw std::runtime_error("trace_graph gave a value that is not a number");
    out.append(v);
}

} // namespace

QByteArray compactGraphJson(const db::PgResult &rows, const CompactGraphHeader &header)
{
    QByteArray out;
    out.reserve(256 + qsizetype(rows.rows()) * 48);
    out.append("{\"root\":");
    appendString(out, header.root.toUtf8());
    out.append(",\"direction\":");
    appendString(out, header.direction.toUtf8());
    out.append(",\"depth\":");
    out.append(QByteArray::number(header.depth));
    out.append(",\"form\":\"compact\",\"nodes\":[");
    std::unordered_map<std::string_view, int> indexOf; // views into the rows
    bool truncated = false;
    int row = 0;
    for (; row < rows.rows() && rows.bytes(row, Kind) == "node"; ++row) {
        if (int(indexOf.size()) == header.maxNodes) {
            truncated = true;
            continue;
        }
        const QByteArrayView code = rows.bytes(row, Code);
        if (!indexOf.empty())
            out.append(',');
        indexOf.emplace(viewOf(code), int(indexOf.size()));
        out.append('[');
        appendString(out, code);
        out.append(',');
        appendString(out, rows.bytes(row, Type));
        out.append(',');
        appendString(out, rows.bytes(row, Status));
        out.append(',');
        appendNumber(out, rows, row, Weight);
        out.append(',');
        appendNumber(out, rows, row, Level);
        out.append(']');
    }
    if (indexOf.empty())
        return {};
    out.append("],\"edges\":[");
    bool first = true;
    for (; row < rows.rows(); ++row) {
        const auto parent = indexOf.find(viewOf(rows.bytes(row, ParentCode)));
        const auto child = indexOf.find(viewOf(rows.bytes(row, ChildCode)));
        if (parent == indexOf.end() || child == indexOf.end())
            continue; // a lot left out by the cap
        if (!first)
            out.append(',');
        first = false;
        out.append('[');
        out.append(QByteArray::number(parent->second));
        out.append(',');
        out.append(QByteArray::number(child->second));
        out.append(',');
        appendNumber(out, rows, row, Quantity);
        out.append(']');
    }
    out.append("],\"truncated\":");
    out.append(truncated ? "true" : "false");
    out.append(",\"max_nodes\":");
    out.append(QByteArray::number(header.maxNodes));
    out.append('}');
    return out;
}

} // namespace flowviz::trace
