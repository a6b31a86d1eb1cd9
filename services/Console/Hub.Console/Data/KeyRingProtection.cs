using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Hub.Console.Data;

/// <summary>
/// The key the console's key ring is encrypted under before it is stored (AES-256-GCM), derived from the secret
/// <c>Console:KeyRing:Secret</c>: the database holds no key in the clear, and whoever reads it cannot forge a sign-in.
/// </summary>
internal sealed class KeyRingKey
{
    /// <summary>The setting that holds the secret.</summary>
    public const string Setting = "Console:KeyRing:Secret";

    private const int MinimumLength = 32;

    private KeyRingKey(byte[] bytes) => Bytes = bytes;

    public byte[] Bytes { get; }

    /// <exception cref="InvalidOperationException">The secret is missing or shorter than 32 characters.</exception>
    public static KeyRingKey From(string? secret) =>
        secret is { Length: >= MinimumLength }
            ? new KeyRingKey(HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: null, info: Encoding.UTF8.GetBytes("hub-console-key-ring")))
            : throw new InvalidOperationException($"{Setting} must be set, at least {MinimumLength} characters, for the console to keep its key ring in its database.");
}

/// <summary>Encrypts a key of the ring before it is stored.</summary>
internal sealed class KeyRingEncryptor(KeyRingKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(key.Bytes, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        var encrypted = new XElement(
            "encryptedKey",
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(cipher));
        return new EncryptedXmlInfo(encrypted, typeof(KeyRingDecryptor));
    }
}

/// <summary>Decrypts a stored key of the ring; made by data protection with the console's services.</summary>
internal sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    /// <exception cref="CryptographicException">The key was encrypted under another secret, or altered.</exception>
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var key = services.GetRequiredService<KeyRingKey>();
        var nonce = Convert.FromBase64String((string)encryptedElement.Attribute("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Attribute("tag")!);
        var cipher = Convert.FromBase64String(encryptedElement.Value);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(key.Bytes, tag.Length))
        {
            aes.Decrypt(nonce, cipher, tag, plain);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
