using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Partage.App.Ui;

/// <summary>The address of a list page filtered by a status, in an order, at a page: only what is set, so links stay short and bookmarkable.</summary>
public static class ListAddress
{
    public static string Of(string path, string? status, string? sort, int? page) => QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
    {
        ["status"] = status, ["sort"] = sort, ["p"] = page?.ToString(CultureInfo.InvariantCulture),
    }.Where(q => !string.IsNullOrEmpty(q.Value)));
}
