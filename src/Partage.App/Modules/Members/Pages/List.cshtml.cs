using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Partage.App.Infrastructure;
using Partage.App.Modules.Members.Features;
using Partage.App.Modules.Offices;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Members.Pages;

public sealed class ListModel(SearchMembers handler, IOfficesApi offices) : PartagePageModel
{
    public MemberSearch Search { get; private set; } = new();

    public PagedResult<MemberListItem>? Result { get; private set; }

    public IReadOnlyList<OfficeView> Offices { get; private set; } = [];

    public SortOrder Order { get; private set; } = SearchMembers.ByName;

    public string ExportUrl => QueryHelpers.AddQueryString("/membres/export.csv", Query(null));

    public string ExportXlsxUrl => QueryHelpers.AddQueryString("/membres/export.xlsx", Query(null));

    public string PageUrl(int page) => QueryHelpers.AddQueryString("/membres", Query(page));

    /// <summary>A column header's link: sorted by it, or the other way round if it is the current order; back to the first page.</summary>
    public string SortUrl(string column) => QueryHelpers.AddQueryString("/membres", Query(null, Order.By(column).ToString()));

    public async Task<IActionResult> OnGetAsync([FromQuery] MemberSearch search, CancellationToken ct)
    {
        await LoadActorAsync();
        if (!Actor.IsCooperativeStaff && !Actor.IsInRole(Security.Roles.Manager))
        {
            return NotFound();
        }

        Search = search;
        Offices = await offices.ListOfficesAsync(ct);
        try
        {
            Order = SortOrder.Parse(search.Sort, SearchMembers.Columns, SearchMembers.ByName);
            Result = await handler.HandleAsync(search, Actor, ct);
        }
        catch (InputValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                ModelState.AddModelError(field, string.Join(" ", messages));
            }
        }

        return Page();
    }

    private Dictionary<string, string?> Query(int? page, string? sort = null)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        void Put(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query[key] = value;
            }
        }

        Put("q", Search.Q);
        Put("officeId", Search.OfficeId);
        Put("status", Search.Status);
        Put("trade", Search.Trade);
        Put("sort", sort ?? Search.Sort);
        Put("page", page?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return query;
    }
}
