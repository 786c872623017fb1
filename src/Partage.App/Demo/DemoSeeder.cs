using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Members.Features;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Demo;

/// <summary>
/// Fills a database with realistic demo data: the network of offices of the 2016 report, its
/// activity managers, one account per role, members drawn from the report's distributions, and
/// a year of books (<see cref="DemoBooks"/>), sales (<see cref="DemoSales"/>) jobs with their pay (<see cref="DemoPayroll"/>) the employers of the contract-management service (<see cref="DemoEmployers"/>) and suppliers' invoices to approve (<see cref="DemoPurchases"/>).
/// The same seed on an empty database gives the same people, numbers and activities.
/// </summary>
public sealed class DemoSeeder(
    PartageDbContext db,
    UserManager<PartageUser> users,
    RoleManager<PartageRole> roles,
    NumberSeries numbers,
    DemoMembers members,
    DemoBooks books,
    DemoSales sales,
    DemoPayroll payroll,
    DemoEmployers employers,
    DemoPurchases purchases,
    DemoGovernance governance,
    DemoLeasing leasing,
    Modules.Reporting.Features.ImportHistory history,
    TimeProvider clock)
{
    public const string Password = "Partage-Demo-2026";
    public const string Domain = "partage.test";

    public static readonly IReadOnlyList<(string Email, string Role, string Label)> Accounts =
    [
        ($"admin@{Domain}", Roles.Admin, "Administration"),
        ($"finance@{Domain}", Roles.Finance, "Finance"),
        ($"paie@{Domain}", Roles.Payroll, "Paie"),
        ($"gouvernance@{Domain}", Roles.Governance, "Gouvernance"),
        ($"gestionnaire@{Domain}", Roles.Manager, "Gestionnaire d'activité, bureau de Lille"),
        ($"membre@{Domain}", Roles.Member, "Membre (bureau de Lille)"),
        ($"employeur@{Domain}", Roles.Employer, "Employeur (gestion de contrats)"),
    ];

    // Offices and desks of the report's timeline (section "Un groupe coopératif"); opening years
    // are read off that timeline, day and month are not given and set to 1 September.
    private static readonly (string City, int Year, OfficeKind Kind, string PostalCode)[] Network =
    [
        ("Lille", 2008, OfficeKind.Office, "59000"), ("Paris", 2009, OfficeKind.Office, "75011"),
        ("Montpellier", 2010, OfficeKind.Office, "34000"), ("Lyon", 2011, OfficeKind.Office, "69007"),
        ("Strasbourg", 2011, OfficeKind.Office, "67000"), ("Rennes", 2011, OfficeKind.Office, "35000"),
        ("Toulouse", 2012, OfficeKind.Office, "31000"), ("Marseille", 2012, OfficeKind.Office, "13001"),
        ("Clermont-Ferrand", 2012, OfficeKind.Office, "63000"), ("Nantes", 2013, OfficeKind.Office, "44000"),
        ("Amiens", 2016, OfficeKind.Office, "80000"), ("Arras", 2016, OfficeKind.Office, "62000"),
        ("Béthune", 2016, OfficeKind.Office, "62400"),
        ("Grenoble", 2014, OfficeKind.Desk, "38000"), ("Dijon", 2014, OfficeKind.Desk, "21000"),
        ("Saint-Étienne", 2014, OfficeKind.Desk, "42000"), ("Avignon", 2014, OfficeKind.Desk, "84000"),
        ("Limoges", 2014, OfficeKind.Desk, "87000"), ("Nancy", 2014, OfficeKind.Desk, "54000"),
        ("Bordeaux", 2016, OfficeKind.Desk, "33000"), ("Gap", 2016, OfficeKind.Desk, "05000"),
        ("Nice", 2016, OfficeKind.Desk, "06000"),
    ];


    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) =>
        !await db.Set<Office>().AnyAsync(ct) && !await db.Users.AnyAsync(ct);

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new PartageRole(role));
            }
        }
    }

    /// <summary>Adds the network (once), the demo accounts (once) and <paramref name="memberCount"/> more members.</summary>
    public async Task SeedAsync(int memberCount, int seed, bool withBooks = true, CancellationToken ct = default)
    {
        if (memberCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(memberCount), "Le nombre de membres doit être positif ou nul.");
        }

        await EnsureRolesAsync();
        var faker = new Faker("fr") { Random = new Randomizer(seed) };
        var offices = await EnsureNetworkAsync(faker, ct);
        await EnsureAccountsAsync(offices, ct);
        await members.AddAsync(faker, offices, memberCount, ct);
        if (withBooks)
        {
            await books.SeedAsync(faker, ct);
            await sales.SeedAsync(faker, ct);
            await payroll.SeedAsync(ct);
            await employers.SeedAsync(ct);
            await purchases.SeedAsync(ct);
            await governance.SeedAsync(faker, Accounts.First(a => a.Role == Roles.Member).Email, ct);
            await leasing.SeedAsync(faker, Accounts.First(a => a.Role == Roles.Member).Email, ct);
            await HistoryAsync(ct);
        }
    }

    /// <summary>The 2013–2016 figures of the 2016 report as the annual report's history, so that its years before the platform show.</summary>
    private async Task HistoryAsync(CancellationToken ct)
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("Partage.App.Demo.annual-report-2016.json")
            ?? throw new InvalidOperationException("annual-report-2016.json is not embedded.");
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        await history.HandleAsync("annual-report-2016.json", buffer.ToArray(), Actor.System, ct);
    }

    public async Task PrintDemoAccountsAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (await users.FindByEmailAsync(Accounts[0].Email) is null)
        {
            return;
        }

        await output.WriteLineAsync($"Comptes de démonstration (mot de passe : {Password}) :");
        foreach (var (email, _, label) in Accounts)
        {
            await output.WriteLineAsync($"  {email,-28} {label}");
        }
    }

    private async Task<Dictionary<string, (Office Office, List<ActivityManager> Managers)>> EnsureNetworkAsync(Faker faker, CancellationToken ct)
    {
        var existing = await db.Set<Office>().ToListAsync(ct);
        var managers = await db.Set<ActivityManager>().ToListAsync(ct);
        var result = new Dictionary<string, (Office, List<ActivityManager>)>(StringComparer.Ordinal);
        foreach (var (city, year, kind, postalCode) in Network)
        {
            var office = existing.FirstOrDefault(o => o.City == city);
            if (office is null)
            {
                office = new Office
                {
                    Id = TypedId.New<OfficeId>(),
                    Name = (kind == OfficeKind.Office ? "Bureau " : "Permanence ") + Kernel.French.Of(city),
                    City = city,
                    Street = faker.Address.StreetAddress(),
                    PostalCode = postalCode,
                    OpeningDate = new DateOnly(year, 9, 1),
                    Kind = kind,
                };
                db.Add(office);
                // 27 managers in 13 offices (report): two per office, three in Lille.
                var count = kind == OfficeKind.Desk ? 0 : city == "Lille" ? 3 : 2;
                for (var i = 0; i < count; i++)
                {
                    var manager = new ActivityManager
                    {
                        Id = TypedId.New<ActivityManagerId>(),
                        OfficeId = office.Id,
                        FirstName = faker.Name.FirstName(),
                        LastName = faker.Name.LastName(),
                    };
                    manager.Email = $"{Text.SearchKey(manager.FirstName).Replace(' ', '-')}.{Text.SearchKey(manager.LastName).Replace(' ', '-')}@{Domain}";
                    db.Add(manager);
                    managers.Add(manager);
                }
            }

            result[city] = (office, managers.Where(m => m.OfficeId == office.Id).ToList());
        }

        await db.SaveChangesAsync(ct);
        return result;
    }

    private async Task EnsureAccountsAsync(Dictionary<string, (Office Office, List<ActivityManager> Managers)> offices, CancellationToken ct)
    {
        var lille = offices["Lille"];
        foreach (var (email, role, label) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new PartageUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = label };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
            if (role == Roles.Manager)
            {
                var manager = lille.Managers[0];
                manager.UserId = user.Id;
                manager.Email = email;
                user.DisplayName = manager.FullName;
                await users.UpdateAsync(user);
                await db.SaveChangesAsync(ct);
            }
            else if (role == Roles.Member)
            {
                await CreateDemoMemberAsync(user, lille.Office, ct);
            }
        }
    }

    private async Task CreateDemoMemberAsync(PartageUser user, Office office, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var member = new Member
        {
            Id = TypedId.New<MemberId>(),
            Number = await numbers.NextAsync(CreateMember.Series, ct),
            UserId = user.Id,
            FirstName = "Camille",
            LastName = "Durand",
            Email = user.Email!,
            Phone = "06 12 34 56 78",
            BirthDate = new DateOnly(1988, 4, 12),
            BirthPlace = "Lille",
            Gender = Gender.Female,
            Street = "12 rue des Arts",
            PostalCode = "59000",
            City = "Lille",
            Nir = "288045935012323",
            Iban = "FR7630006000011234567890189",
            TradeCode = "musician_singer",
            OfficeId = office.Id,
            ManagerId = await db.Set<ActivityManager>().Where(m => m.OfficeId == office.Id && m.UserId != null).Select(m => (ActivityManagerId?)m.Id).FirstOrDefaultAsync(ct),
            MembershipDate = new DateOnly(2016, 3, 1),
            Status = MemberStatus.Active,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        member.RefreshSearchKey();
        user.DisplayName = member.FullName;
        await users.UpdateAsync(user);
        db.Add(member);
        db.Add(DemoMembers.NewActivity(member, "Quartet Durand", "Concerts de jazz et ateliers d'éveil musical.", LegalEntitiesReferenceData.Lna, BusinessModules.Shows));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
