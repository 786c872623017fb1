using System.Globalization;
using System.Text.Json;

namespace Partage.App.Modules.Reporting;

/// <summary>
/// Reads the JSON shape of the 2016 annual report into history figures: the tables with year columns take their years,
/// the one-year sections (percentages, the offices' figures, the register at 31 December) take the report's year — the
/// last year of its invoicing table. Rows named « total » and the printed progressions are skipped: they are computed.
/// </summary>
public static class ReportJson
{
    public static void Read(JsonElement report, List<HistoryLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var year = Columns(report.GetProperty("invoicing_by_module")).Where(c => c.Year is not null).Max(c => c.Year!.Value);
        Table(report.GetProperty("invoicing_by_module"), "invoicing_by_entity", null, lines);
        Table(report.GetProperty("new_members_and_employers_by_module"), "new_members_by_entity", "new_employers_by_entity", lines);
        Table(report.GetProperty("total_members_and_employers_by_module"), "members_by_entity", "employers_by_entity", lines);
        var projects = report.GetProperty("project_management_service");
        Shares(new Dictionary<string, decimal>
        {
            ["Membres inscrits"] = projects.GetProperty("members_registered").GetDecimal(), ["Nouveaux membres"] = projects.GetProperty("new_members").GetDecimal(),
            ["Membres actifs"] = projects.GetProperty("active_members").GetDecimal(),
        }, "project_members", year, lines);
        Shares(Object(projects.GetProperty("gender_percent"), k => k == "men" ? "Hommes" : k == "women" ? "Femmes" : k), "members_by_gender", year, lines);
        Shares(Object(projects.GetProperty("age_band_percent"), k => k == "51+" ? "51 ans et plus" : k == "<20" ? "Moins de 20 ans" : k.Replace("-", " à ", StringComparison.Ordinal) + " ans"), "members_by_age", year, lines);
        Shares(Object(projects.GetProperty("office_percent")), "members_by_office", year, lines);
        var live = projects.GetProperty("live_performance_contracts");
        var other = projects.GetProperty("other_trades_contracts");
        Shares(new Dictionary<string, decimal> { ["Spectacle vivant"] = live.GetProperty("count").GetDecimal(), ["Autres métiers"] = other.GetProperty("count").GetDecimal() }, "contracts_by_family", year, lines);
        Shares(Object(live.GetProperty("trade_percent")), "live_contracts_by_trade", year, lines);
        Shares(Object(other.GetProperty("trade_percent")), "other_contracts_by_trade", year, lines);
        Shares(Object(projects.GetProperty("clients_by_country")), "clients_by_country", year, lines);
        Table(projects.GetProperty("revenue_by_module"), "projects_revenue_by_module", null, lines);
        var cms = report.GetProperty("contract_management_service");
        foreach (var (key, value) in Object(cms.GetProperty("revenue_by_year")).Where(p => int.TryParse(p.Key, out _)))
        {
            lines.Add(new HistoryLine(string.Empty, "cms_revenue", "Gestion de contrats", int.Parse(key, CultureInfo.InvariantCulture), value, 0));
        }

        Shares(Object(cms.GetProperty("revenue_2016_by_office")), "cms_revenue_by_office", year, lines);
        Shares(Object(cms.GetProperty("clients_by_office_percent")), "cms_clients_by_office", year, lines);
        Shares(Object(cms.GetProperty("clients_by_sector_percent")), "cms_clients_by_sector", year, lines);
        Shares(Object(cms.GetProperty("clients_by_legal_form_percent")), "cms_clients_by_legal_form", year, lines);
        Shares(Object(cms.GetProperty("mandate_type_percent")), "cms_mandate_type", year, lines);
        Shares(Object(cms.GetProperty("clients_active_percent")), "cms_clients_active", year, lines);
        Shares(Object(report.GetProperty("shareholders_2016_12_31").GetProperty("by_category")), "shareholders_by_category", year, lines);
        var network = report.GetProperty("network");
        Shares(new Dictionary<string, decimal>
        {
            ["Bureaux"] = network.GetProperty("offices").GetDecimal(), ["Gestionnaires d'activité"] = network.GetProperty("activity_managers").GetDecimal(),
            ["Pays"] = network.GetProperty("countries").GetDecimal(),
        }, "network", year, lines);
    }

    private static List<(int Index, int? Year, bool Employers)> Columns(JsonElement table) =>
        table.GetProperty("columns").EnumerateArray().Select((c, i) =>
        {
            var name = c.GetString()!;
            var digits = name.Split('_')[0];
            return (i, int.TryParse(digits, out var y) ? y : (int?)null, name.EndsWith("_of_which_employers", StringComparison.Ordinal));
        }).ToList();

    private static void Table(JsonElement table, string code, string? employersCode, List<HistoryLine> lines)
    {
        var columns = Columns(table);
        var position = 0;
        foreach (var row in table.GetProperty("rows").EnumerateArray())
        {
            var cells = row.EnumerateArray().ToList();
            var label = cells[0].GetString()!;
            position++;
            if (string.Equals(label, "total", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var (index, year, employers) in columns.Where(c => c.Year is not null && cells[c.Index].ValueKind == JsonValueKind.Number))
            {
                if (!employers || employersCode is not null)
                {
                    lines.Add(new HistoryLine(string.Empty, employers ? employersCode! : code, label, year!.Value, cells[index].GetDecimal(), position));
                }
            }
        }
    }

    private static Dictionary<string, decimal> Object(JsonElement element, Func<string, string>? label = null) =>
        element.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => (label ?? (k => k))(p.Name), p => p.Value.GetDecimal());

    private static void Shares(Dictionary<string, decimal> values, string code, int year, List<HistoryLine> lines)
    {
        var position = 0;
        foreach (var (row, value) in values)
        {
            lines.Add(new HistoryLine(string.Empty, code, row, year, value, ++position));
        }
    }
}
