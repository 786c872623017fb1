using System.Globalization;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Employers;
using Partage.App.Modules.Governance;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Offices;
using Partage.App.Modules.Payroll;
using Partage.Kernel;

namespace Partage.App.Modules.Reporting;

/// <summary>A figure the platform computes from its own records, for a table, a row and a year.</summary>
public sealed record LiveFigure(string Table, string Row, int Year, decimal Value, int Position);

/// <summary>
/// The tables the platform computes from its own records, through the other modules' contracts: the invoicing by entity
/// and by business module (invoices issued, credit notes deducted, excl. VAT), the members registered and joined and their
/// shares by gender, age and office at the year's end, the contracts by family and trade, the shareholders by category,
/// the offices open. The other tables of the 2016 report come from the history until their modules publish what they need.
/// </summary>
public sealed class LiveFigures(IInvoicingApi invoicing, IMembersApi members, IOfficesApi offices, ILegalEntitiesApi entities, IPayrollApi payroll, IGovernanceApi governance,
    IContractManagementFigures contractManagement, IClientsApi clients, IActivitiesApi activities)
{
    /// <summary>The age bands of the 2016 report, by age on 31 December (its labels overlap at 30; 30 goes to the first band).</summary>
    private static readonly (int UpTo, string Label)[] AgeBands =
        [(19, "Moins de 20 ans"), (30, "20 à 30 ans"), (40, "30 à 40 ans"), (50, "41 à 50 ans"), (int.MaxValue, "51 ans et plus")];

    /// <summary>The countries the 2016 report names, in its order; the others are counted together (« Autres »).</summary>
    private static readonly (string Code, string Label)[] Countries =
        [("FR", "France"), ("DE", "Allemagne"), ("BE", "Belgique"), ("ES", "Espagne"), ("IT", "Italie"), ("NL", "Pays-Bas"), ("LU", "Luxembourg"), ("SE", "Suède"), ("CH", "Suisse")];

    public async Task<IReadOnlyList<LiveFigure>> ForAsync(int fromYear, int toYear, LegalEntityId? entity, OfficeId? office, CancellationToken ct)
    {
        var figures = new List<LiveFigure>();
        var entityList = (await entities.ListAsync(ct)).ToList();
        var years = Enumerable.Range(fromYear, toYear - fromYear + 1).Select(y => new DateRange(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31))).ToList();
        await InvoicingAsync(years, entityList, entity, office, figures, ct);
        if (entity is null)
        {
            foreach (var counts in await members.MembershipAsync(years, office, ct))
            {
                figures.Add(new LiveFigure("project_members", "Membres inscrits", counts.Period.Start.Year, counts.Registered, 1));
                figures.Add(new LiveFigure("project_members", "Nouveaux membres", counts.Period.Start.Year, counts.Joined, 2));
            }
        }

        foreach (var range in years)
        {
            if (entity is null)
            {
                await MembersProfileAsync(range.End, office, figures, ct);
                await ContractsAsync(range, office, figures, ct);
            }

            if (entity is null && office is null)
            {
                await ContractManagementAsync(range.Start.Year, figures, ct);
            }

            await ClientsAsync(range, entity, office, figures, ct);
            await EntityMembersAsync(range, entityList, entity, office, figures, ct);
            if (office is null)
            {
                await ShareholdersAsync(range.End, entity is null ? null : entityList.Single(e => e.Id == entity).Code, figures, ct);
            }
        }

        if (entity is null && office is null)
        {
            var open = await offices.ListOfficesAsync(ct);
            foreach (var year in years.Select(y => y.Start.Year))
            {
                figures.Add(new LiveFigure("network", "Bureaux", year, open.Count(o => o.Kind == OfficeKind.Office && o.OpeningDate.Year <= year), 1));
                figures.Add(new LiveFigure("network", "Antennes", year, open.Count(o => o.Kind == OfficeKind.Desk && o.OpeningDate.Year <= year), 2));
            }
        }

        return figures;
    }

    /// <summary>The invoicing of each year by entity and by business module (invoices issued, credit notes deducted, excl. VAT).</summary>
    private async Task InvoicingAsync(IReadOnlyList<DateRange> years, List<LegalEntityView> entityList, LegalEntityId? entity, OfficeId? office, List<LiveFigure> figures, CancellationToken ct)
    {
        var modules = (await entities.ListModulesAsync(ct)).ToDictionary(m => m.Code, m => m.Name);
        var invoiced = (await invoicing.InvoicedAsync(years, office, ct)).Where(t => entity is null || t.Entity == entity).Select(t => (t.Entity, t.ModuleCode, t.Period.Start.Year, t.NetCents)).ToList();
        foreach (var g in invoiced.GroupBy(t => (t.Entity, t.Year)))
        {
            var position = entityList.FindIndex(e => e.Id == g.Key.Entity);
            figures.Add(new LiveFigure("invoicing_by_entity", entityList[position].Name, g.Key.Year, g.Sum(t => t.NetCents) / 100m, position));
        }

        foreach (var g in invoiced.GroupBy(t => (t.ModuleCode, t.Year)))
        {
            figures.Add(new LiveFigure("projects_revenue_by_module", modules.GetValueOrDefault(g.Key.ModuleCode, g.Key.ModuleCode), g.Key.Year, g.Sum(t => t.NetCents) / 100m, 0));
        }
    }

    /// <summary>Each entity's members at the year's end and its newcomers (their first activity in it), by the entities' order.</summary>
    private async Task EntityMembersAsync(DateRange year, List<LegalEntityView> entityList, LegalEntityId? entity, OfficeId? office, List<LiveFigure> figures, CancellationToken ct)
    {
        foreach (var m in (await activities.MembersByEntityAsync(year, office, ct)).Where(m => entity is null || m.Entity == entity))
        {
            var position = entityList.FindIndex(e => e.Id == m.Entity);
            figures.Add(new LiveFigure("members_by_entity", entityList[position].Name, year.Start.Year, m.Registered, position));
            figures.Add(new LiveFigure("new_members_by_entity", entityList[position].Name, year.Start.Year, m.Joined, position));
        }
    }

    /// <summary>The clients invoiced in the year by country: the countries the 2016 report names, the others together.</summary>
    private async Task ClientsAsync(DateRange year, LegalEntityId? entity, OfficeId? office, List<LiveFigure> figures, CancellationToken ct)
    {
        var countries = await clients.CountriesAsync(await invoicing.InvoicedClientsAsync(year, entity, office, ct), ct);
        figures.AddRange(countries.GroupBy(c => Array.FindIndex(Countries, k => k.Code == c.Key) is var i && i >= 0 ? i : Countries.Length).OrderBy(g => g.Key)
            .Select(g => new LiveFigure("clients_by_country", g.Key < Countries.Length ? Countries[g.Key].Label : "Autres", year.Start.Year, g.Sum(c => c.Value), g.Key)));
    }

    /// <summary>The shares (per cent, two decimals) of the members registered at the year's end by gender, age band and office.</summary>
    private async Task MembersProfileAsync(DateOnly yearEnd, OfficeId? office, List<LiveFigure> figures, CancellationToken ct)
    {
        var profile = await members.ProfileAsync(yearEnd, office, ct);
        var officeNames = (await offices.ListOfficesAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        Shares("members_by_gender", yearEnd.Year, profile.GroupBy(p => p.Gender switch
        {
            Gender.Female => "Femmes", Gender.Male => "Hommes", Gender.Other => "Autre", _ => "Non renseigné",
        }).Select(g => (g.Key, g.Sum(p => p.Count))), figures);
        Shares("members_by_age", yearEnd.Year, profile.GroupBy(p => Array.FindIndex(AgeBands, b => yearEnd.Year - p.BirthYear <= b.UpTo))
            .OrderBy(g => g.Key).Select(g => (AgeBands[g.Key].Label, g.Sum(p => p.Count))), figures);
        Shares("members_by_office", yearEnd.Year, profile.GroupBy(p => officeNames.GetValueOrDefault(p.Office, "?")).Select(g => (g.Key, g.Sum(p => p.Count))), figures);
    }

    /// <summary>The contracts starting in the year by family (counts) and, within each family, the shares of its trades.</summary>
    private async Task ContractsAsync(DateRange year, OfficeId? office, List<LiveFigure> figures, CancellationToken ct)
    {
        var byTrade = await payroll.JobsByTradeAsync(year, office, ct);
        var trades = Members.Trades.All.ToDictionary(t => t.Code);
        var known = byTrade.Select(p => (Trade: trades.GetValueOrDefault(p.Key) ?? new Trade(p.Key, p.Key, Members.Trades.OtherTrades), Count: p.Value)).ToList();
        foreach (var (family, position) in new[] { (Members.Trades.LivePerformance, 1), (Members.Trades.OtherTrades, 2) })
        {
            var ofFamily = known.Where(k => k.Trade.Family == family).ToList();
            if (ofFamily.Count > 0)
            {
                figures.Add(new LiveFigure("contracts_by_family", family, year.Start.Year, ofFamily.Sum(k => k.Count), position));
            }

            Shares(family == Members.Trades.LivePerformance ? "live_contracts_by_trade" : "other_contracts_by_trade", year.Start.Year,
                ofFamily.GroupBy(k => k.Trade.Label).Select(g => (g.Key, g.Sum(k => k.Count))), figures);
        }
    }

    /// <summary>
    /// The contract-management service's revenue of the year (invoiced excl. VAT, credit notes deducted), whole and by
    /// office, and its employers' shares by legal form, sector, mandate in force, status and office at the year's end.
    /// </summary>
    private async Task ContractManagementAsync(int year, List<LiveFigure> figures, CancellationToken ct)
    {
        var service = await contractManagement.YearAsync(year, ct);
        var label = year.ToString(CultureInfo.InvariantCulture);
        figures.AddRange(service.RevenueByYear.Where(r => r.Label == label).Select(r => new LiveFigure("cms_revenue", "Gestion de contrats", year, r.Amount.Amount, 0)));
        figures.AddRange(service.RevenueByOffice.Select((r, i) => new LiveFigure("cms_revenue_by_office", r.Label, year, r.Amount.Amount, i)));
        // The service's own shares of its employers (per cent, to the unit as the 2016 report prints them).
        foreach (var (table, rows) in new[] { ("cms_clients_by_legal_form", service.ByLegalForm), ("cms_clients_by_sector", service.BySector), ("cms_mandate_type", service.ByMandate),
            ("cms_clients_active", service.ByStatus), ("cms_clients_by_office", service.ByOffice) })
        {
            figures.AddRange(rows.Select((r, i) => new LiveFigure(table, r.Label, year, r.Percent, i)));
        }
    }

    /// <summary>The shareholders at the year's end by category, in the entity's register or summed over every register.</summary>
    private async Task ShareholdersAsync(DateOnly yearEnd, string? entityCode, List<LiveFigure> figures, CancellationToken ct)
    {
        var registers = governance.RegisterEntities.Where(code => entityCode is null || code == entityCode).ToList();
        var counts = new List<ShareholderCount>();
        foreach (var code in registers)
        {
            counts.AddRange(await governance.ShareholdersAsync(code, yearEnd, ct));
        }

        figures.AddRange(counts.GroupBy(c => (c.Category, c.Label)).Where(g => g.Sum(c => c.Shareholders) > 0)
            .Select(g => new LiveFigure("shareholders_by_category", $"{g.Key.Category} {g.Key.Label}", yearEnd.Year, g.Sum(c => c.Shareholders), g.Key.Category)));
    }

    /// <summary>Each group's share of the whole, in per cent rounded half away from zero to two decimals; nothing when there is no one.</summary>
    private static void Shares(string table, int year, IEnumerable<(string Label, int Count)> groups, List<LiveFigure> figures)
    {
        var list = groups.Where(g => g.Count > 0).ToList();
        var total = list.Sum(g => g.Count);
        figures.AddRange(list.Select((g, i) => new LiveFigure(table, g.Label, year, Rounding.ToDecimals(g.Count * 100m / total, 2), i)));
    }
}
