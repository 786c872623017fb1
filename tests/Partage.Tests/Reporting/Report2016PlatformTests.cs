using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Governance;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Offices;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Reporting;
using Partage.App.Modules.Reporting.Features;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Payroll;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;

namespace Partage.Tests.Reporting;

/// <summary>The platform on the last day of 2016 and a fortnight after: the 2016 report computed from records, not from history.</summary>
public sealed class January2017Factory() : PartageFactory(Provider.Sqlite, new DateTimeOffset(2017, 1, 16, 10, 0, 0, TimeSpan.Zero));

/// <summary>
/// Platform records crafted to match the 2016 report's lines — 10,918 members (2,492 of them new in 2016) of the printed
/// genders, ages and offices, 13,889 contracts of the printed families and trades, 1,744 shareholders of the printed
/// categories — and no history: the report computes those tables from the records and finds every printed figure, to the
/// person for counts, to the printed precision for shares. (The invoicing tables are not crafted: the printed tables do
/// not reconcile with each other, see docs/reporting.md.)
/// </summary>
public sealed class Report2016PlatformTests(January2017Factory factory) : IClassFixture<January2017Factory>
{
    private static readonly JsonElement Printed = JsonDocument.Parse(File.ReadAllText(
        Path.Combine(EInvoiceValidator.RepositoryRoot(), "src", "Partage.App", "Demo", "annual-report-2016.json"))).RootElement;

    /// <summary>Counts that give each printed share once rounded: the share of <paramref name="total"/>, the persons left over by the largest remainders.</summary>
    private static List<(string Label, int Count)> Counts(JsonElement shares, int total)
    {
        var exact = shares.EnumerateObject().Select(p => (p.Name, Value: p.Value.GetDecimal() * total / 100m)).ToList();
        var counts = exact.Select(e => (e.Name, Count: (int)decimal.Floor(e.Value))).ToList();
        foreach (var i in exact.Select((e, i) => (Remainder: e.Value - decimal.Floor(e.Value), i)).OrderByDescending(x => x.Remainder).Take(total - counts.Sum(c => c.Count)).Select(x => x.i))
        {
            counts[i] = (counts[i].Name, counts[i].Count + 1);
        }

        return counts;
    }

    [Fact]
    public async Task TheMembersContractsAndShareholdersTables_ComputeThePrintedFigures()
    {
        await World.OfAsync(factory);
        var projects = Printed.GetProperty("project_management_service");
        var (registered, joined) = (projects.GetProperty("members_registered").GetInt32(), projects.GetProperty("new_members").GetInt32());
        await factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PartageDbContext>();
            await MembersAsync(db, projects, registered, joined);
            await ContractsAsync(db, projects);
            await ShareholdersAsync(db);
            return true;
        });

        var finance = await factory.ActorAsync(World.Finance);
        var report = await factory.InScopeAsync(s => s.GetRequiredService<GetAnnualReport>().HandleAsync(2016, null, null, finance));
        decimal? Figure(string table, string row) => report.Tables.Single(t => t.Code == table).Rows.SingleOrDefault(r => r.Label == row)?.Values[^1];
        Assert.Equal(registered, Figure("project_members", "Membres inscrits"));
        Assert.Equal(joined, Figure("project_members", "Nouveaux membres"));
        // Shares to the printed precision (61 %, 20.1 %): the platform computes them to two decimals.
        foreach (var (table, printed, label) in new (string, string, Func<string, string>)[]
        {
            ("members_by_gender", "gender_percent", k => k == "men" ? "Hommes" : "Femmes"),
            ("members_by_age", "age_band_percent", k => k switch { "<20" => "Moins de 20 ans", "51+" => "51 ans et plus", _ => k.Replace("-", " à ", StringComparison.Ordinal) + " ans" }),
            ("members_by_office", "office_percent", k => k),
        })
        {
            foreach (var share in projects.GetProperty(printed).EnumerateObject())
            {
                var decimals = share.Value.GetDecimal() == decimal.Truncate(share.Value.GetDecimal()) ? 0 : 1;
                Assert.Equal((table, share.Name, share.Value.GetDecimal()), (table, share.Name, Rounding.ToDecimals(Figure(table, label(share.Name)) ?? -1, decimals)));
            }
        }

        var live = projects.GetProperty("live_performance_contracts");
        var other = projects.GetProperty("other_trades_contracts");
        Assert.Equal(live.GetProperty("count").GetInt32(), Figure("contracts_by_family", Trades.LivePerformance));
        Assert.Equal(other.GetProperty("count").GetInt32(), Figure("contracts_by_family", Trades.OtherTrades));
        foreach (var (table, family) in new[] { ("live_contracts_by_trade", live), ("other_contracts_by_trade", other) })
        {
            foreach (var share in family.GetProperty("trade_percent").EnumerateObject())
            {
                Assert.Equal((share.Name, share.Value.GetDecimal()), (share.Name, Rounding.ToDecimals(Figure(table, share.Name) ?? -1, 1)));
            }
        }

        var shareholders = report.Tables.Single(t => t.Code == "shareholders_by_category");
        foreach (var category in Printed.GetProperty("shareholders_2016_12_31").GetProperty("by_category").EnumerateObject().Where(c => c.Value.GetInt32() > 0))
        {
            var number = category.Name.Split(' ')[0];
            Assert.Equal((category.Name, category.Value.GetInt32()), (category.Name, (int)shareholders.Rows.Single(r => r.Label.StartsWith(number + " ", StringComparison.Ordinal)).Values[^1]!.Value));
        }

        Assert.Equal(Printed.GetProperty("shareholders_2016_12_31").GetProperty("total").GetInt32(), shareholders.Total!.Values[^1]);
        Assert.Equal("calculé par Partage", shareholders.Sources[2016]);
    }

    /// <summary>Members of the printed genders, ages (on 31 December 2016) and offices; the last <paramref name="joined"/> registered in 2016, the others in 2015.</summary>
    private static async Task MembersAsync(PartageDbContext db, JsonElement projects, int registered, int joined)
    {
        var genders = Counts(projects.GetProperty("gender_percent"), registered).SelectMany(c => Enumerable.Repeat(c.Label == "men" ? Gender.Male : Gender.Female, c.Count)).ToList();
        var births = Counts(projects.GetProperty("age_band_percent"), registered)
            .SelectMany(c => Enumerable.Repeat(c.Label switch { "<20" => 2000, "20-30" => 1991, "30-40" => 1981, "41-50" => 1971, _ => 1956 }, c.Count)).ToList();
        var offices = new List<OfficeId>();
        foreach (var (city, count) in Counts(projects.GetProperty("office_percent"), registered))
        {
            var office = new Office { Id = TypedId.New<OfficeId>(), Name = city, City = city, Street = "1 place de la Gare", PostalCode = "00000", OpeningDate = new DateOnly(2010, 1, 1), Kind = OfficeKind.Office };
            db.Add(office);
            offices.AddRange(Enumerable.Repeat(office.Id, count));
        }

        var template = await db.Set<Member>().AsNoTracking().FirstAsync();
        for (var i = 0; i < registered; i++)
        {
            var values = db.Entry(template).CurrentValues.Clone();
            values[nameof(Member.Id)] = TypedId.New<MemberId>();
            values[nameof(Member.Number)] = 900_000L + i;
            values[nameof(Member.Email)] = $"membre2016-{i}@exemple.fr";
            values[nameof(Member.UserId)] = null;
            values[nameof(Member.Nir)] = null;
            values[nameof(Member.Gender)] = genders[i];
            values[nameof(Member.BirthDate)] = new DateOnly(births[i], 6, 15);
            values[nameof(Member.OfficeId)] = offices[i];
            values[nameof(Member.Status)] = MemberStatus.Active;
            values[nameof(Member.CreatedAt)] = i < registered - joined ? new DateTime(2015, 6, 1, 10, 0, 0, DateTimeKind.Utc) : new DateTime(2016, 6, 1, 10, 0, 0, DateTimeKind.Utc);
            db.Add(values.ToObject());
        }

        // The world's own members joined in 2017: the report of 2016 does not count them.
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>Contracts starting in 2016 of the printed families and trades, each on one of the world's activities.</summary>
    private static async Task ContractsAsync(PartageDbContext db, JsonElement projects)
    {
        var activity = await db.Set<App.Modules.Activities.Activity>().AsNoTracking().FirstAsync();
        var byLabel = Trades.All.ToDictionary(t => t.Label, t => t.Code);
        var n = 0;
        foreach (var family in new[] { "live_performance_contracts", "other_trades_contracts" })
        {
            var contracts = projects.GetProperty(family);
            foreach (var (trade, count) in Counts(contracts.GetProperty("trade_percent"), contracts.GetProperty("count").GetInt32()))
            {
                for (var i = 0; i < count; i++, n++)
                {
                    var day = new DateOnly(2016, 1, 1).AddDays(n % 366);
                    db.Add(new Job
                    {
                        Id = TypedId.New<JobId>(), Number = $"CT-2016-{n:D6}", ActivityId = activity.Id, MemberId = activity.MemberId, OfficeId = activity.OfficeId,
                        LegalEntityId = activity.LegalEntityId, Kind = EmployeeKind.IntermittentArtist, TradeCode = byLabel[trade], Description = "Spectacle", Place = "Lille",
                        Start = day, End = day, Cachets = 1, GrossCents = 20_000, EmployerCostCents = 30_000, NetCents = 15_000, UsageReason = "Spectacle",
                        Status = JobStatus.Countersigned, CreatedAt = new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc), CreatedBy = "2016",
                    });
                }
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>The SCIC's shareholders admitted in 2016, of the printed categories.</summary>
    private static async Task ShareholdersAsync(PartageDbContext db)
    {
        var n = 0;
        foreach (var category in Printed.GetProperty("shareholders_2016_12_31").GetProperty("by_category").EnumerateObject())
        {
            var number = int.Parse(category.Name.Split(' ')[0], CultureInfo.InvariantCulture);
            for (var i = 0; i < category.Value.GetInt32(); i++, n++)
            {
                db.Add(new Shareholder
                {
                    Id = TypedId.New<ShareholderId>(), LegalEntityId = LegalEntitiesReferenceData.Scic, Number = 90_000 + n, Name = $"Sociétaire {n}", Category = number,
                    Status = ShareholderStatus.Admitted, AppliedOn = new DateOnly(2016, 3, 1), AdmittedOn = new DateOnly(2016, 4, 1), RequestedShares = 1,
                    CreatedAt = new DateTime(2016, 3, 1, 0, 0, 0, DateTimeKind.Utc),
                });
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
