using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Members;
using Partage.App.Modules.Members.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Members;

public class MemberSliceTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private Task<T> Run<T>(Func<IServiceProvider, Task<T>> action) => factory.InScopeAsync(action);

    private static async Task<Actor> ActorAsync(IServiceProvider s, string email)
    {
        var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PartageUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var roles = (await users.GetRolesAsync(user)).ToHashSet();
        var member = await s.GetRequiredService<IMembersApi>().FindMemberIdByUserAsync(user.Id);
        var manager = await s.GetRequiredService<App.Modules.Offices.IOfficesApi>().FindManagerByUserAsync(user.Id);
        return new Actor(user.Id, email, roles, member, manager?.OfficeId);
    }

    [Fact]
    public async Task SelfRegistration_ValidInput_PendingMemberApplicantAccountAndAuditInOneGo()
    {
        var world = await World.OfAsync(factory);
        var created = await Run(s => s.GetRequiredService<CreateMember>()
            .RegisterAsync(World.NewMember(world.Lille, "nouvelle@exemple.fr", "Motdepasse1") with { Nir = null }));

        Assert.NotNull(created);
        Assert.NotNull(created.ManagerId);   // the office's manager was assigned
        var (audit, stored, roles) = await Run(async s =>
        {
            var db = s.GetRequiredService<PartageDbContext>();
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PartageUser>>();
            return (await db.Set<AuditEvent>().Where(e => e.ResourceId == created.Id.ToString()).ToListAsync(),
                await db.Set<Member>().SingleAsync(m => m.Id == created.Id),
                await users.GetRolesAsync((await users.FindByIdAsync(created.UserId!.Value.ToString()))!));
        });
        var entry = Assert.Single(audit);
        Assert.Equal("members.registered", entry.Action);
        Assert.DoesNotContain("30006000011234567890189", entry.After, StringComparison.Ordinal);   // IBAN only masked in the audit
        Assert.Equal("FR7630006000011234567890189", stored.Iban);
        Assert.Equal(MemberStatus.Pending, stored.Status);
        Assert.Null(stored.EmailConfirmedAt);
        Assert.Equal([Roles.Applicant], roles);
        Assert.Null(await Run(s => s.GetRequiredService<CreateMember>()
            .RegisterAsync(World.NewMember(world.Lille, "nouvelle@exemple.fr", "Motdepasse1") with { Nir = null })));   // taken: nothing, no error
    }

    [Fact]
    public async Task CreateMember_Sequence_NumbersAreGapless()
    {
        var world = await World.OfAsync(factory);
        var numbers = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var email = $"suite{i}@exemple.fr";
            numbers.Add((await Run(s => s.GetRequiredService<CreateMember>().HandleAsync(World.NewMember(world.Lille, email) with { Nir = null }, Actor.System))).Number);
        }

        // A refused creation in between must not consume a number.
        await Assert.ThrowsAsync<InputValidationException>(() =>
            Run(s => s.GetRequiredService<CreateMember>().HandleAsync(World.NewMember(world.Lille, "suite0@exemple.fr") with { Nir = null }, Actor.System)));
        numbers.Add((await Run(s => s.GetRequiredService<CreateMember>().HandleAsync(World.NewMember(world.Lille, "suite9@exemple.fr") with { Nir = null }, Actor.System))).Number);

        Assert.Equal(Enumerable.Range((int)numbers[0], 4).Select(n => (long)n), numbers);
    }

    [Theory]
    [InlineData("Iban", "FR7630006000011234567890188", "clé de contrôle de l'IBAN")]
    [InlineData("Nir", "290057511212354", "clé du numéro de sécurité sociale")]
    [InlineData("Email", "pas-un-email", "n'est pas valide")]
    [InlineData("BirthDate", "2020-01-01", "16 à 100 ans")]
    [InlineData("Trade", "astronaut", "Métier inconnu")]
    [InlineData("PostalCode", "7501", "5 chiffres")]
    public async Task CreateMember_BadField_RefusedWithFrenchMessageAndNothingSaved(string field, string value, string message)
    {
        var world = await World.OfAsync(factory);
        var email = $"mauvais-{field.ToLowerInvariant()}@exemple.fr";
        var input = World.NewMember(world.Lille, email) with { Nir = null };
        input = field switch
        {
            "Iban" => input with { Iban = value },
            "Nir" => input with { Nir = value },
            "Email" => input with { Email = value },
            "BirthDate" => input with { BirthDate = value },
            "Trade" => input with { Trade = value },
            _ => input with { PostalCode = value },
        };

        var error = await Assert.ThrowsAsync<InputValidationException>(() => Run(s => s.GetRequiredService<CreateMember>().HandleAsync(input, Actor.System)));

        Assert.Contains(message, Assert.Contains(field, error.Errors).Single(), StringComparison.Ordinal);
        Assert.False(await Run(s => s.GetRequiredService<PartageDbContext>().Set<Member>().AnyAsync(m => m.Email == email || m.Email == value)));
    }

    [Fact]
    public async Task Birthplace_CheckedAgainstTheNir_CountryKeptOnlyForSomeoneBornAbroad()
    {
        var world = await World.OfAsync(factory);
        var body = "1910299352001";   // department 99: born abroad
        var abroad = body + (97 - long.Parse(body, System.Globalization.CultureInfo.InvariantCulture) % 97).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        async Task<IReadOnlyDictionary<string, string[]>> Refused(NewMemberInput input) =>
            (await Assert.ThrowsAsync<InputValidationException>(() => Run(s => s.GetRequiredService<CreateMember>().HandleAsync(input, Actor.System)))).Errors;

        var noCountry = await Refused(World.NewMember(world.Lille, "ne.ailleurs@exemple.fr") with { Nir = abroad, BirthPlace = "Dakar" });
        Assert.Equal(["Le numéro de sécurité sociale indique une naissance hors de France : indiquez le pays de naissance."], noCountry["BirthCountry"]);
        var silent = await Refused(World.NewMember(world.Lille, "ne.ailleurs@exemple.fr") with { Nir = abroad, BirthPlace = null });   // the NIR alone brings the check
        Assert.Equal(noCountry["BirthCountry"], silent["BirthCountry"]);
        var unknown = await Refused(World.NewMember(world.Lille, "ne.ailleurs@exemple.fr") with { Nir = abroad, BirthPlace = "Dakar", BirthCountry = "QQ" });
        Assert.Equal(["Pays de naissance inconnu : « QQ ». Indiquez son code ISO à deux lettres (DZ, BE, SN…)."], unknown["BirthCountry"]);
        var notAbroad = await Refused(World.NewMember(world.Lille, "ne.paris@exemple.fr") with { BirthCountry = "BE" });
        Assert.Equal(["Le numéro de sécurité sociale indique une naissance en France : le pays de naissance est la France (FR)."], notAbroad["BirthCountry"]);
        var tooLong = await Refused(World.NewMember(world.Lille, "ne.paris@exemple.fr") with { BirthPlace = new string('a', 31) });
        Assert.Equal(["La commune de naissance ne doit pas dépasser 30 caractères."], tooLong["BirthPlace"]);
        var cyrillic = await Refused(World.NewMember(world.Lille, "ne.paris@exemple.fr") with { BirthPlace = "Москва" });   // the DSN is in ISO-8859-1
        Assert.Equal(["La commune de naissance s'écrit en lettres latines, comme sur l'état civil français (la DSN ne peut pas porter « М ») : « Москва »."], cyrillic["BirthPlace"]);

        var created = await Run(s => s.GetRequiredService<CreateMember>().HandleAsync(
            World.NewMember(world.Lille, "ne.ailleurs@exemple.fr") with { Nir = abroad, BirthPlace = " Dakar ", BirthCountry = "sn" }, Actor.System));
        Assert.Equal(("Dakar", "SN"), (created.BirthPlace, created.BirthCountry));
        var french = await Run(s => s.GetRequiredService<CreateMember>().HandleAsync(World.NewMember(world.Lille, "ne.paris@exemple.fr") with { Nir = Employers.StaffPayrollTests.Nir(901), BirthCountry = "FR" }, Actor.System));
        Assert.Equal(("Paris", null), (french.BirthPlace, french.BirthCountry));
        var ligature = await Run(s => s.GetRequiredService<CreateMember>().HandleAsync(   // œ and the phone's apostrophe take their Latin-1 spelling
            World.NewMember(world.Lille, "ne.coeuvres@exemple.fr") with { Nir = Employers.StaffPayrollTests.Nir(902), BirthPlace = "Cœuvres-et-Valsery’s" }, Actor.System));
        Assert.Equal("Coeuvres-et-Valsery's", ligature.BirthPlace);
    }

    [Fact]
    public async Task CreateMember_NameWithASeparatorOrALineBreak_Refused()
    {
        var world = await World.OfAsync(factory);
        var error = await Assert.ThrowsAsync<InputValidationException>(() => Run(s => s.GetRequiredService<CreateMember>().HandleAsync(
            World.NewMember(world.Lille, "separateur@exemple.fr") with { FirstName = "Anne\nMarie", LastName = "DU;PONT" }, Actor.System)));
        Assert.Equal(["Le prénom ne peut contenir ni point-virgule, ni tabulation, ni retour à la ligne."], error.Errors["FirstName"]);
        Assert.Equal(["Le nom ne peut contenir ni point-virgule, ni tabulation, ni retour à la ligne."], error.Errors["LastName"]);
    }

    [Fact]
    public async Task CreateMember_MissingAndOversizedFields_AllReportedAtOnce()
    {
        var world = await World.OfAsync(factory);
        var input = new NewMemberInput { FirstName = new string('x', 101), OfficeId = world.Lille.ToString() };

        var error = await Assert.ThrowsAsync<InputValidationException>(() => Run(s => s.GetRequiredService<CreateMember>().HandleAsync(input, Actor.System)));

        Assert.Contains("100 caractères", error.Errors["FirstName"][0], StringComparison.Ordinal);
        foreach (var field in new[] { "LastName", "Email", "BirthDate", "Street", "City", "Trade" })
        {
            Assert.True(error.Errors.ContainsKey(field), field);
        }
    }

    [Fact]
    public async Task CreateMember_DuplicateEmailOrNir_Refused()
    {
        var world = await World.OfAsync(factory);
        var duplicateEmail = await Assert.ThrowsAsync<InputValidationException>(() =>
            Run(s => s.GetRequiredService<CreateMember>().HandleAsync(World.NewMember(world.Lille, World.ParisMemberEmail) with { Nir = null }, Actor.System)));
        Assert.Contains("déjà", duplicateEmail.Errors["Email"][0], StringComparison.Ordinal);

        var duplicateNir = await Assert.ThrowsAsync<InputValidationException>(() =>
            Run(s => s.GetRequiredService<CreateMember>().HandleAsync(World.NewMember(world.Lille, "autre-nir@exemple.fr"), Actor.System)));
        Assert.Contains("sécurité sociale", duplicateNir.Errors["Nir"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateMember_ManagerOfAnotherOffice_CannotPlaceMemberThere()
    {
        var world = await World.OfAsync(factory);
        var error = await Assert.ThrowsAsync<InputValidationException>(() => Run(async s =>
            await s.GetRequiredService<CreateMember>().HandleAsync(World.NewMember(world.Paris, "intrus@exemple.fr") with { Nir = null }, await ActorAsync(s, World.LilleManager))));
        Assert.Contains("propre bureau", error.Errors["OfficeId"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateMember_IbanChange_AuditedMaskedAndStored()
    {
        var world = await World.OfAsync(factory);
        await Run(async s => await s.GetRequiredService<UpdateMember>().HandleAsync(world.ParisMember,
            new UpdateMemberInput { Iban = "DE89 3704 0044 0532 0130 00", Phone = "+33 6 00 00 00 00" }, await ActorAsync(s, World.ParisMemberEmail)));

        var (member, audit) = await Run(async s =>
        {
            var db = s.GetRequiredService<PartageDbContext>();
            return (await db.Set<Member>().SingleAsync(m => m.Id == world.ParisMember),
                await db.Set<AuditEvent>().SingleAsync(e => e.ResourceId == world.ParisMember.ToString() && e.Action == "members.iban_changed"));
        });
        Assert.Equal("DE89370400440532013000", member.Iban);
        Assert.Equal("+33 6 00 00 00 00", member.Phone);
        Assert.Contains("FR76 •••• •••• 0189", audit.Before, StringComparison.Ordinal);
        Assert.Contains("DE89 •••• •••• 3000", audit.After, StringComparison.Ordinal);
        Assert.Equal(World.ParisMemberEmail, audit.ActorName);
    }

    [Fact]
    public async Task UpdateMember_MemberChangingStaffField_RefusedAndUnchanged()
    {
        var world = await World.OfAsync(factory);
        var error = await Assert.ThrowsAsync<DomainException>(() => Run(async s =>
            await s.GetRequiredService<UpdateMember>().HandleAsync(world.ParisMember, new UpdateMemberInput { Status = "Inactive" }, await ActorAsync(s, World.ParisMemberEmail))));
        Assert.Equal("members.field_reserved_to_staff", error.Error.Code);
        Assert.Equal(MemberStatus.Active, await Run(s => s.GetRequiredService<PartageDbContext>().Set<Member>().Where(m => m.Id == world.ParisMember).Select(m => m.Status).SingleAsync()));

        // Civil data, declared in the DSN and the DPAE, is the staff's to change: the gender as the birth date.
        var gender = await Assert.ThrowsAsync<DomainException>(() => Run(async s =>
            await s.GetRequiredService<UpdateMember>().HandleAsync(world.ParisMember, new UpdateMemberInput { Gender = "Male" }, await ActorAsync(s, World.ParisMemberEmail))));
        Assert.Equal("members.field_reserved_to_staff", gender.Error.Code);
        Assert.Equal(Gender.Female, await Run(s => s.GetRequiredService<PartageDbContext>().Set<Member>().Where(m => m.Id == world.ParisMember).Select(m => m.Gender).SingleAsync()));
    }

    [Fact]
    public async Task SearchMembers_ManagerSeesOnlyOwnOffice_StaffSeesAll()
    {
        var world = await World.OfAsync(factory);
        var (asManager, asFinance, searchByName) = await Run(async s =>
        {
            var search = s.GetRequiredService<SearchMembers>();
            return (await search.HandleAsync(new MemberSearch { PageSize = 200 }, await ActorAsync(s, World.LilleManager)),
                await search.HandleAsync(new MemberSearch { PageSize = 200 }, await ActorAsync(s, World.Finance)),
                await search.HandleAsync(new MemberSearch { Q = "DURAND camille" }, await ActorAsync(s, World.Finance)));
        });
        Assert.All(asManager.Items, m => Assert.Equal(world.Lille, m.OfficeId));
        Assert.Contains(asFinance.Items, m => m.Id == world.ParisMember);
        Assert.DoesNotContain(asManager.Items, m => m.Id == world.ParisMember);
        Assert.Equal(world.LilleMember, Assert.Single(searchByName.Items).Id);
    }

    [Fact]
    public async Task SearchMembers_UnknownFilterValue_RefusedNotIgnored()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            Run(async s => await s.GetRequiredService<SearchMembers>().HandleAsync(new MemberSearch { Status = "sleeping" }, await ActorAsync(s, World.Admin))));
        Assert.True(error.Errors.ContainsKey("Status"));
    }

    [Fact]
    public async Task SearchMembers_SortedByAColumnEitherWay_ExportInTheSameOrder_UnknownColumnRefused()
    {
        await World.OfAsync(factory);
        var (byNumber, byNumberDown, byJoining, csv) = await Run(async s =>
        {
            var search = s.GetRequiredService<SearchMembers>();
            var finance = await ActorAsync(s, World.Finance);
            using var buffer = new MemoryStream();
            await search.ExportCsvAsync(new MemberSearch { Sort = "-number" }, finance, buffer);
            return (await search.HandleAsync(new MemberSearch { Sort = "number", PageSize = 200 }, finance),
                await search.HandleAsync(new MemberSearch { Sort = "-number", PageSize = 200 }, finance),
                await search.HandleAsync(new MemberSearch { Sort = "membership", PageSize = 200 }, finance),
                System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        });
        Assert.True(byNumber.Items.Count > 2);
        Assert.Equal(byNumber.Items.Select(m => m.Number).Order(), byNumber.Items.Select(m => m.Number));
        Assert.Equal(byNumber.Items.Select(m => m.Number).Reverse(), byNumberDown.Items.Select(m => m.Number));
        Assert.Equal(byJoining.Items.Select(m => m.MembershipDate).Order(), byJoining.Items.Select(m => m.MembershipDate));
        var exported = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => long.Parse(l.Split(';')[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(byNumberDown.Items.Select(m => m.Number), exported);

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            Run(async s => await s.GetRequiredService<SearchMembers>().HandleAsync(new MemberSearch { Sort = "age" }, await ActorAsync(s, World.Admin))));
        Assert.Contains("Triez par : name, number, membership, status", Assert.Single(error.Errors["sort"]), StringComparison.Ordinal);

        using var browser = await factory.SignedInBrowserAsync(World.Finance);
        var page = await browser.GetStringAsync("/membres?sort=-number&status=Active");
        Assert.Contains("aria-sort=\"descending\"><a href=\"/membres?status=Active&amp;sort=number\">N°</a>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge done\">Actif</span>", page, StringComparison.Ordinal);
        var refused = await browser.GetAsync("/membres?sort=age");
        Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Ce tri n&#x27;existe pas", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsv_ManagerScope_HeaderAndOwnOfficeOnlyWithoutNirOrIban()
    {
        var world = await World.OfAsync(factory);
        await Run(s => s.GetRequiredService<CreateMember>().HandleAsync(   // a name a spreadsheet would run: exported as text
            World.NewMember(world.Lille, "formule@exemple.fr") with { LastName = "=HYPERLINK(\"http://x\")", Nir = Employers.StaffPayrollTests.Nir(903) }, Actor.System));
        var csv = await Run(async s =>
        {
            using var buffer = new MemoryStream();
            await s.GetRequiredService<SearchMembers>().ExportCsvAsync(new MemberSearch(), await ActorAsync(s, World.LilleManager), buffer);
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        });
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("numero;nom;prenom;email", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("membre@partage.test", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(World.ParisMemberEmail, StringComparison.Ordinal));
        Assert.DoesNotContain("FR76", csv, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", StringComparison.Ordinal));
    }
}
