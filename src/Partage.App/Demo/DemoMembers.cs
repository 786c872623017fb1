using System.Globalization;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Activities;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Members.Features;
using Partage.App.Modules.Offices;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Demo;

/// <summary>
/// The demo's members drawn from the 2016 report's distributions (sex, age, office, trade, active
/// share), each with a consistent NIR and IBAN and one or two activities in the entity their trade
/// belongs to; inserted by batches, numbered like real members.
/// </summary>
public sealed class DemoMembers(PartageDbContext db, NumberSeries numbers, TimeProvider clock, ILogger<DemoMembers> logger)
{
    private static readonly Dictionary<string, string> TradeCodeByReportLabel =
        Trades.All.ToDictionary(t => t.Label, t => t.Code, StringComparer.Ordinal);

    public async Task AddAsync(Faker faker, Dictionary<string, (Office Office, List<ActivityManager> Managers)> offices, int count, CancellationToken ct)
    {
        var distributions = ReportDistributions.Load();
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        var usedEmails = (await db.Set<Member>().Select(m => m.Email).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        const int batchSize = 2000;
        for (var done = 0; done < count; done += batchSize)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var inBatch = Math.Min(batchSize, count - done);
            for (var i = 0; i < inBatch; i++)
            {
                var member = NewMember(faker, distributions, offices, today, now, usedEmails);
                member.Number = await numbers.NextAsync(CreateMember.Series, ct);
                member.RefreshSearchKey();
                db.Add(member);
                foreach (var activity in NewActivities(faker, member))
                {
                    db.Add(activity);
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            logger.LogInformation("Demo members: {Done}/{Count}", done + inBatch, count);
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    private static Member NewMember(
        Faker faker, ReportDistributions d, Dictionary<string, (Office Office, List<ActivityManager> Managers)> offices,
        DateOnly today, DateTime now, HashSet<string> usedEmails)
    {
        var gender = ReportDistributions.Pick(d.Gender, faker.Random.Double()) == "women" ? Gender.Female : Gender.Male;
        var firstName = faker.Name.FirstName(gender == Gender.Female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
        var lastName = faker.Name.LastName();
        var (minAge, maxAge) = ReportDistributions.Pick(d.AgeBands, faker.Random.Double()) switch
        {
            "<20" => (17, 19),
            "20-30" => (20, 30),
            "30-40" => (31, 40),
            "41-50" => (41, 50),
            _ => (51, 70),
        };
        var birth = today.AddYears(-faker.Random.Int(minAge, maxAge)).AddDays(-faker.Random.Int(0, 364));
        var office = offices[ReportDistributions.Pick(d.Offices, faker.Random.Double())];
        var email = UniqueEmail(firstName, lastName, usedEmails);
        return new Member
        {
            Id = TypedId.New<MemberId>(),
            FirstName = firstName,
            LastName = lastName,
            Email = email,
            Phone = "06 " + faker.Random.ReplaceNumbers("## ## ## ##"),
            BirthDate = birth,
            BirthPlace = office.Office.City,
            Gender = faker.Random.Double() < 0.03 ? null : gender,
            Street = faker.Address.StreetAddress(),
            PostalCode = office.Office.PostalCode,
            City = office.Office.City,
            Nir = faker.Random.Double() < 0.9 ? FakeNir(faker, gender, birth) : null,
            Iban = faker.Random.Double() < 0.85 ? FakeIban(faker) : null,
            TradeCode = TradeCodeByReportLabel[ReportDistributions.Pick(d.Trades, faker.Random.Double())],
            OfficeId = office.Office.Id,
            ManagerId = office.Managers.Count == 0 ? null : faker.PickRandom(office.Managers).Id,
            MembershipDate = today.AddDays(-faker.Random.Int(0, 8 * 365)),
            Status = faker.Random.Double() < d.ActiveShare ? MemberStatus.Active : MemberStatus.Inactive,
            CreatedAt = now,
        };
    }

    private static IEnumerable<Activity> NewActivities(Faker faker, Member member)
    {
        var trade = Trades.Find(member.TradeCode)!;
        var (entity, module) = trade.Family == Trades.LivePerformance
            ? (LegalEntitiesReferenceData.Lna, BusinessModules.Shows)
            : trade.Code == "audiovisual" ? (LegalEntitiesReferenceData.Scic, BusinessModules.Audiovisual)
            : faker.Random.Double() < 0.06 ? (LegalEntitiesReferenceData.Ge, BusinessModules.Projects)
            : (LegalEntitiesReferenceData.Scic, BusinessModules.Projects);
        var activity = NewActivity(member, $"{trade.Label} — {member.LastName}", faker.Company.CatchPhrase(), entity, module);
        activity.Status = member.Status == MemberStatus.Active ? ActivityStatus.Active : ActivityStatus.Closed;
        yield return activity;
        if (faker.Random.Double() < 0.15)
        {
            yield return NewActivity(member, $"Ateliers — {member.LastName}", "Ateliers et formations.", LegalEntitiesReferenceData.Scic, BusinessModules.Projects);
        }
    }

    internal static Activity NewActivity(Member member, string name, string description, LegalEntityId entity, string module) => new()
    {
        Id = TypedId.New<ActivityId>(),
        MemberId = member.Id,
        OfficeId = member.OfficeId,
        LegalEntityId = entity,
        ModuleCode = module,
        Name = name.Length > 150 ? name[..150] : name,
        Description = description,
        Status = ActivityStatus.Active,
        ManagerId = member.ManagerId,
        CreatedAt = member.CreatedAt,
    };

    private static string UniqueEmail(string firstName, string lastName, HashSet<string> used)
    {
        // Generated names may carry punctuation ("Florent,"): an address keeps ASCII letters and digits, anything else a hyphen.
        static string Part(string name) => new string(Text.SearchKey(name).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-') is { Length: > 0 } part ? part : "membre";
        var stem = $"{Part(firstName)}.{Part(lastName)}";
        var email = $"{stem}@{DemoSeeder.Domain}";
        for (var n = 2; !used.Add(email); n++)
        {
            email = $"{stem}{n}@{DemoSeeder.Domain}";
        }

        return email;
    }

    /// <summary>A NIR consistent with the person's sex and birth month, with a valid key.</summary>
    private static string FakeNir(Faker faker, Gender gender, DateOnly birth)
    {
        var body = string.Create(CultureInfo.InvariantCulture,
            $"{(gender == Gender.Female ? 2 : 1)}{birth.Year % 100:D2}{birth.Month:D2}{faker.Random.Int(1, 95):D2}{faker.Random.Int(1, 999):D3}{faker.Random.Int(1, 999):D3}");
        var key = 97 - long.Parse(body, CultureInfo.InvariantCulture) % 97;
        return body + key.ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>A French IBAN with valid check digits over a random bank account.</summary>
    private static string FakeIban(Faker faker)
    {
        var bban = faker.Random.ReplaceNumbers("#######################");
        var remainder = 0;
        foreach (var c in bban + "152700")   // "FR00" as digits: F=15, R=27, 00
        {
            remainder = (remainder * 10 + (c - '0')) % 97;
        }

        return $"FR{98 - remainder:D2}{bban}";
    }
}
