using Partage.App.Modules.Invoicing;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Offices;
using Partage.Kernel;

namespace Partage.App.Modules.Reporting;

/// <summary>A figure the platform computes from its own records, for a table, a row and a year.</summary>
public sealed record LiveFigure(string Table, string Row, int Year, decimal Value, int Position);

/// <summary>
/// The tables the platform computes from its own records, through the other modules' contracts: the invoicing by entity
/// and by business module (invoices issued, credit notes deducted, excl. VAT), the members registered and joined, the
/// offices open. The other tables of the 2016 report come from the history until their modules publish what they need.
/// </summary>
public sealed class LiveFigures(IInvoicingApi invoicing, IMembersApi members, IOfficesApi offices, ILegalEntitiesApi entities)
{
    public async Task<IReadOnlyList<LiveFigure>> ForAsync(int fromYear, int toYear, LegalEntityId? entity, OfficeId? office, CancellationToken ct)
    {
        var figures = new List<LiveFigure>();
        var entityList = (await entities.ListAsync(ct)).ToList();
        var modules = (await entities.ListModulesAsync(ct)).ToDictionary(m => m.Code, m => m.Name);
        var invoiced = (await invoicing.InvoicedAsync(fromYear, toYear, ct)).Where(t => (entity is null || t.Entity == entity) && (office is null || t.Office == office)).ToList();
        foreach (var g in invoiced.GroupBy(t => (t.Entity, t.Year)))
        {
            var position = entityList.FindIndex(e => e.Id == g.Key.Entity);
            figures.Add(new LiveFigure("invoicing_by_entity", entityList[position].Name, g.Key.Year, g.Sum(t => t.NetCents) / 100m, position));
        }

        foreach (var g in invoiced.GroupBy(t => (t.ModuleCode, t.Year)))
        {
            figures.Add(new LiveFigure("projects_revenue_by_module", modules.GetValueOrDefault(g.Key.ModuleCode, g.Key.ModuleCode), g.Key.Year, g.Sum(t => t.NetCents) / 100m, 0));
        }

        if (entity is null)
        {
            foreach (var counts in await members.MembershipAsync(fromYear, toYear, office, ct))
            {
                figures.Add(new LiveFigure("project_members", "Membres inscrits", counts.Year, counts.Registered, 1));
                figures.Add(new LiveFigure("project_members", "Nouveaux membres", counts.Year, counts.Joined, 2));
            }
        }

        if (entity is null && office is null)
        {
            var open = await offices.ListOfficesAsync(ct);
            for (var year = fromYear; year <= toYear; year++)
            {
                figures.Add(new LiveFigure("network", "Bureaux", year, open.Count(o => o.Kind == OfficeKind.Office && o.OpeningDate.Year <= year), 1));
                figures.Add(new LiveFigure("network", "Antennes", year, open.Count(o => o.Kind == OfficeKind.Desk && o.OpeningDate.Year <= year), 2));
            }
        }

        return figures;
    }
}
