using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Members.Features;

/// <summary>Filters of the member list, paged by number or by position. Unknown or malformed filter values are refused, not ignored.</summary>
public abstract record MemberFilters
{
    public string? Q { get; init; }

    public string? OfficeId { get; init; }

    public string? Status { get; init; }

    public string? Trade { get; init; }

    public string? ManagerId { get; init; }

    /// <summary>A column of <see cref="SearchMembers.Columns"/> (of <see cref="ScrollMembers.Columns"/> by position), "-" before it for descending; by name by default.</summary>
    public string? Sort { get; init; }

    public int? PageSize { get; init; }
}

/// <summary>The member list by page number.</summary>
public sealed record MemberSearch : MemberFilters
{
    public int? Page { get; init; }
}

/// <summary>The member list for staff and managers: search, filters, paging, CSV export, always within the actor's scope.</summary>
public sealed class SearchMembers(PartageDbContext db, IOfficesApi offices)
{
    /// <summary>The columns the list may be sorted by (office names belong to the offices module: not sortable here).</summary>
    public static readonly string[] Columns = ["name", "number", "membership", "status"];

    public static readonly SortOrder ByName = new("name", false);

    public async Task<PagedResult<MemberListItem>> HandleAsync(MemberSearch search, Actor actor, CancellationToken ct = default)
    {
        var query = Sorted(Filter(search, actor), search.Sort);
        var request = new PageRequest(search.Page, search.PageSize);
        var total = await query.CountAsync(ct);
        var items = await ItemsAsync(query.Skip(request.Skip).Take(request.Size), ct);
        return new PagedResult<MemberListItem>(items, request.Page, request.Size, total);
    }

    /// <summary>The rows of a page of members, with their office's name.</summary>
    internal async Task<List<MemberListItem>> ItemsAsync(IQueryable<Member> page, CancellationToken ct)
    {
        var rows = await page
            .Select(m => new { m.Id, m.Number, m.FirstName, m.LastName, m.Email, m.OfficeId, m.TradeCode, m.Status, m.MembershipDate, m.EmailConfirmedAt })
            .ToListAsync(ct);
        var officeNames = await OfficeNamesAsync(ct);
        return rows.Select(m => new MemberListItem(
            m.Id, m.Number, m.FirstName, m.LastName, m.Email, m.OfficeId, officeNames.GetValueOrDefault(m.OfficeId),
            m.TradeCode, Trades.Label(m.TradeCode), m.Status, m.MembershipDate, m.EmailConfirmedAt)).ToList();
    }

    private static readonly string[] ExportHeaders = ["numero", "nom", "prenom", "email", "telephone", "bureau", "metier", "statut", "date_adhesion", "genre", "annee_naissance", "ville"];

    /// <summary>Writes every member matching the filters (no paging) as CSV, semicolon-separated for French spreadsheets. NIR and IBAN are not exported.</summary>
    public async Task ExportCsvAsync(MemberSearch search, Actor actor, Stream output, CancellationToken ct = default) =>
        await SpreadsheetCsv.WriteAsync(output, ExportHeaders, await ExportRowsAsync(search, actor, ct), ct);

    /// <summary>The same as an Excel workbook.</summary>
    public async Task ExportXlsxAsync(MemberSearch search, Actor actor, Stream output, CancellationToken ct = default) =>
        await SpreadsheetXlsx.WriteAsync(output, "Membres", ExportHeaders, await (await ExportRowsAsync(search, actor, ct)).ToListAsync(ct), ct);

    private async Task<IAsyncEnumerable<IReadOnlyList<string?>>> ExportRowsAsync(MemberSearch search, Actor actor, CancellationToken ct)
    {
        var officeNames = await OfficeNamesAsync(ct);
        return Sorted(Filter(search, actor), search.Sort).AsAsyncEnumerable().Select(m => (IReadOnlyList<string?>)
        [
            m.Number.ToString(CultureInfo.InvariantCulture), m.LastName, m.FirstName, m.Email, m.Phone, officeNames.GetValueOrDefault(m.OfficeId), Trades.Label(m.TradeCode),
            MemberLabels.Status(m.Status), SpreadsheetCsv.Date(m.MembershipDate), m.Gender is null ? string.Empty : MemberLabels.Gender(m.Gender),
            m.BirthDate.Year.ToString(CultureInfo.InvariantCulture), m.City,
        ]);
    }

    /// <summary>The asked order, then the member number: two members of the same name or date always come in the same order.</summary>
    private static IQueryable<Member> Sorted(IQueryable<Member> query, string? sort)
    {
        var order = SortOrder.Parse(sort, Columns, ByName);
        var sorted = order.Column switch
        {
            "number" => order.Descending ? query.OrderByDescending(m => m.Number) : query.OrderBy(m => m.Number),
            "membership" => order.Descending ? query.OrderByDescending(m => m.MembershipDate) : query.OrderBy(m => m.MembershipDate),
            "status" => order.Descending ? query.OrderByDescending(m => m.Status) : query.OrderBy(m => m.Status),
            _ => order.Descending ? query.OrderByDescending(m => m.LastName).ThenByDescending(m => m.FirstName) : query.OrderBy(m => m.LastName).ThenBy(m => m.FirstName),
        };
        return sorted.ThenBy(m => m.Number);
    }

    /// <summary>The members visible to the actor that match the filters; malformed filters refused.</summary>
    internal IQueryable<Member> Filter(MemberFilters search, Actor actor)
    {
        var v = new Validation();
        var office = v.Id<OfficeId>(nameof(search.OfficeId), "Le bureau", search.OfficeId, required: false);
        var manager = v.Id<ActivityManagerId>(nameof(search.ManagerId), "Le gestionnaire", search.ManagerId, required: false);
        var status = v.Enum<MemberStatus>(nameof(search.Status), "Le statut", search.Status, required: false);
        var trade = string.IsNullOrWhiteSpace(search.Trade) ? null : Trades.Find(search.Trade.Trim());
        if (!string.IsNullOrWhiteSpace(search.Trade) && trade is null)
        {
            v.Add(nameof(search.Trade), $"Métier inconnu : « {search.Trade} ».");
        }

        var text = v.Optional(nameof(search.Q), "La recherche", search.Q, 200);
        v.ThrowIfInvalid();

        var query = db.Set<Member>().AsNoTracking().Visible(actor);
        if (text is not null)
        {
            // LIKE '%…%' (escaped) rather than Contains: PostgreSQL's trigram index on search_key serves it (pg_trgm).
            var pattern = "%" + Text.SearchKey(text).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(m => EF.Functions.Like(m.SearchKey, pattern, "\\"));
        }

        if (office is { } o)
        {
            query = query.Where(m => m.OfficeId == o);
        }

        if (manager is { } mg)
        {
            query = query.Where(m => m.ManagerId == mg);
        }

        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        if (trade is not null)
        {
            query = query.Where(m => m.TradeCode == trade.Code);
        }

        return query;
    }

    private async Task<Dictionary<OfficeId, string>> OfficeNamesAsync(CancellationToken ct) =>
        (await offices.ListOfficesAsync(ct)).ToDictionary(o => o.Id, o => o.Name);

    public static void Map(RouteGroupBuilder members)
    {
        members.MapGet("/", async ([AsParameters] MemberSearch search, SearchMembers handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(search, await actors.GetAsync(ct), ct))
            .WithName("SearchMembers").WithSummary("Liste des membres visibles (recherche, filtres, pagination)")
            .ProducesValidationProblem();
        members.MapGet("/export.csv", async ([AsParameters] MemberSearch search, SearchMembers handler, ActorAccessor actors, HttpContext http, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = "attachment; filename=membres.csv";
                await handler.ExportCsvAsync(search, actor, http.Response.Body, ct);
            })
            .WithName("ExportMembers").WithSummary("Export CSV des membres visibles (sans NIR ni IBAN)");
        members.MapGet("/export.xlsx", async ([AsParameters] MemberSearch search, SearchMembers handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var buffer = new MemoryStream();
                await handler.ExportXlsxAsync(search, actor, buffer, ct);
                return Results.File(buffer.ToArray(), SpreadsheetXlsx.ContentType, "membres.xlsx");
            })
            .WithName("ExportMembersXlsx").WithSummary("Export Excel des membres visibles (sans NIR ni IBAN)").Produces(200, contentType: SpreadsheetXlsx.ContentType).ProducesValidationProblem();
    }
}
