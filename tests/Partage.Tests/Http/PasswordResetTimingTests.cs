using System.Net;
using System.Net.Http.Json;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Http;

/// <summary>
/// Tests that compare two durations run alone, after the parallel ones: under a loaded suite another test's burst can slow
/// one side of the comparison and not the other, and the comparison would then measure the neighbour, not the code.
/// </summary>
[CollectionDefinition(nameof(AloneCollection), DisableParallelization = true)]
public sealed class AloneCollection;

/// <summary>« Mot de passe oublié » does not tell, by its time, whether an account uses the address.</summary>
[Collection(nameof(AloneCollection))]
public sealed class PasswordResetTimingTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    /// <summary>
    /// Asking a reset link for a member's address takes as long as for an unknown one (medians of eleven tries): an e-mail is
    /// written either way. Known and unknown requests alternate, each first in turn, so a busy machine slows both alike.
    /// </summary>
    [Fact]
    public async Task Reset_KnownAddressAnswersAsFastAsAnUnknownOne()
    {
        await World.OfAsync(factory);
        using var client = factory.CreateClient();
        async Task<double> TimeAsync(string email)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var answer = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { Email = email });
            var elapsed = watch.Elapsed.TotalMilliseconds;
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
            return elapsed;
        }

        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++)
        {
            await TimeAsync($"echauffement{i}-{tag}@exemple.fr");
            await TimeAsync(World.ParisMemberEmail);
        }

        var (knownTimes, unknownTimes) = (new List<double>(), new List<double>());
        for (var i = 0; i < 11; i++)
        {
            if (i % 2 == 0)
            {
                knownTimes.Add(await TimeAsync(World.ParisMemberEmail));
                unknownTimes.Add(await TimeAsync($"inconnu{i}-{tag}@exemple.fr"));
            }
            else
            {
                unknownTimes.Add(await TimeAsync($"inconnu{i}-{tag}@exemple.fr"));
                knownTimes.Add(await TimeAsync(World.ParisMemberEmail));
            }
        }

        var (known, unknown) = (knownTimes.Order().ElementAt(5), unknownTimes.Order().ElementAt(5));
        Assert.True(Math.Abs(known - unknown) < 2 + (Math.Max(known, unknown) * 0.5), $"known {known:0.0} ms, unknown {unknown:0.0} ms");
    }
}
