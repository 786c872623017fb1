using System.Text.Json;

namespace Partage.App.Demo;

/// <summary>
/// The member profile of the 2016 activity report (annual-report-2016.json, embedded): gender,
/// age bands, offices and trades. Demo members are drawn from these weights.
/// </summary>
internal sealed class ReportDistributions
{
    private ReportDistributions(JsonElement service)
    {
        Gender = Weights(service.GetProperty("gender_percent"));
        AgeBands = Weights(service.GetProperty("age_band_percent"));
        Offices = Weights(service.GetProperty("office_percent"));
        var live = service.GetProperty("live_performance_contracts");
        var other = service.GetProperty("other_trades_contracts");
        Trades = Weights(live.GetProperty("trade_percent"), live.GetProperty("count").GetDouble())
            .Concat(Weights(other.GetProperty("trade_percent"), other.GetProperty("count").GetDouble()))
            .ToList();
        ActiveShare = service.GetProperty("active_members").GetDouble() / service.GetProperty("members_registered").GetDouble();
        ClientCountries = Weights(service.GetProperty("clients_by_country"));
    }

    public IReadOnlyList<(string Key, double Weight)> Gender { get; }

    public IReadOnlyList<(string Key, double Weight)> AgeBands { get; }

    public IReadOnlyList<(string Key, double Weight)> Offices { get; }

    /// <summary>Trade label of the report, weighted by its number of contracts.</summary>
    public IReadOnlyList<(string Key, double Weight)> Trades { get; }

    /// <summary>Active members over registered members (2,627 / 10,918).</summary>
    public double ActiveShare { get; }

    /// <summary>Clients of the project-management service by country (France 3,308 … "Autres" 60).</summary>
    public IReadOnlyList<(string Key, double Weight)> ClientCountries { get; }

    public static ReportDistributions Load()
    {
        using var stream = typeof(ReportDistributions).Assembly.GetManifestResourceStream("Partage.App.Demo.annual-report-2016.json")
            ?? throw new InvalidOperationException("annual-report-2016.json is not embedded.");
        using var document = JsonDocument.Parse(stream);
        return new ReportDistributions(document.RootElement.GetProperty("project_management_service").Clone());
    }

    public static string Pick(IReadOnlyList<(string Key, double Weight)> weights, double draw)
    {
        var total = weights.Sum(w => w.Weight);
        var point = draw * total;
        foreach (var (key, weight) in weights)
        {
            if (point < weight)
            {
                return key;
            }

            point -= weight;
        }

        return weights[^1].Key;
    }

    /// <summary>
    /// Splits <paramref name="total"/> seats by the weights, each key getting at least one (a demo
    /// should show every country of the report), the rest by largest remainder (Hamilton), the
    /// excess the minimums cause taken from the largest key.
    /// </summary>
    public static Dictionary<string, int> Apportion(IReadOnlyList<(string Key, double Weight)> weights, int total)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(total, weights.Count);
        var sum = weights.Sum(w => w.Weight);
        var quotas = weights.Select(w => (w.Key, Quota: w.Weight / sum * total)).ToList();
        var seats = quotas.ToDictionary(q => q.Key, q => Math.Max(1, (int)Math.Floor(q.Quota)), StringComparer.Ordinal);
        foreach (var (key, _) in quotas.OrderByDescending(q => q.Quota - Math.Floor(q.Quota)).ThenBy(q => q.Key, StringComparer.Ordinal)
                     .Where(q => q.Quota >= 1).Take(Math.Max(0, total - seats.Values.Sum())))
        {
            seats[key]++;
        }

        var largest = quotas.MaxBy(q => q.Quota).Key;
        seats[largest] -= seats.Values.Sum() - total;
        return seats;
    }

    private static List<(string, double)> Weights(JsonElement percentages, double scale = 1) =>
        percentages.EnumerateObject().Select(p => (p.Name, p.Value.GetDouble() * scale)).ToList();
}
