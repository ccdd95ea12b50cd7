//! A database on a network share (SMB/CIFS, NFS, sshfs …) is refused: SQLite's file locks are
//! not reliable over a network file system (sqlite.org, "SQLite Over a Network"), and two
//! computers writing one file through them corrupts it. Sharing is the office server's job.
//!
//! Told by the file system's magic number from `statfs` (linux/magic.h). FUSE carries no
//! further magic, so for it the mount's type in /proc/self/mountinfo (`fuse.sshfs`) decides.

use std::path::Path;

/// Where a folder is, as far as SQLite's locking is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileSystemKind {
    Local,
    /// A network file system, by the name users know it by.
    Network(String),
}

/// What the magic number alone says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Magic {
    Local,
    Network(&'static str),
    /// A FUSE mount: local (ntfs-3g) or network (sshfs) by its subtype.
    Fuse,
}

const FUSE_SUPER_MAGIC: u32 = 0x6573_5546;

/// Network file systems by `f_type` (linux/magic.h; CIFS and SMB2 from fs/smb/client).
const NETWORK_MAGICS: &[(u32, &str)] = &[
    (0x0000_6969, "NFS"),
    (0x0000_517B, "SMB"),
    (0xFF53_4D42, "SMB/CIFS"),
    (0xFE53_4D42, "SMB2"),
    (0x0000_564C, "NCP"),
    (0x7375_7245, "Coda"),
    (0x5346_414F, "AFS"),
    (0x6B41_4653, "AFS"),
    (0x00C3_6400, "Ceph"),
    // 9p: QEMU's and WSL's shared folders, where SQLite's locks do not reach the host.
    (0x0102_1997, "9p"),
];

/// FUSE subtypes that reach over the network.
const NETWORK_FUSE_TYPES: &[&str] = &[
    "sshfs",
    "rclone",
    "s3fs",
    "gvfsd-fuse",
    "glusterfs",
    "curlftpfs",
    "smbnetfs",
    "davfs",
    "ceph-fuse",
    "juicefs",
];

/// The kind of `f_type` (the low 32 bits: magic numbers are 32-bit, and a 32-bit `long`
/// would show CIFS's as negative).
pub fn classify_magic(f_type: u32) -> Magic {
    if f_type == FUSE_SUPER_MAGIC {
        return Magic::Fuse;
    }
    NETWORK_MAGICS
        .iter()
        .find(|(magic, _)| *magic == f_type)
        .map_or(Magic::Local, |(_, name)| Magic::Network(name))
}

/// The kind of a FUSE mount by its type in mountinfo (`fuse.sshfs`, `fuse.rclone`).
pub fn classify_fuse_type(fs_type: &str) -> FileSystemKind {
    let subtype =
        fs_type.strip_prefix("fuse.").or_else(|| fs_type.strip_prefix("fuseblk.")).unwrap_or(fs_type);
    if NETWORK_FUSE_TYPES.contains(&subtype) {
        FileSystemKind::Network(subtype.to_owned())
    } else {
        FileSystemKind::Local
    }
}

/// Where the existing folder `dir` is.
#[cfg(target_os = "linux")]
pub fn file_system_of(dir: &Path) -> std::io::Result<FileSystemKind> {
    let stat = rustix::fs::statfs(dir).map_err(std::io::Error::from)?;
    // The low 32 bits carry the magic; see `classify_magic`.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "magic numbers are 32-bit")]
    let magic = stat.f_type as u32;
    Ok(match classify_magic(magic) {
        Magic::Local => FileSystemKind::Local,
        Magic::Network(name) => FileSystemKind::Network(name.to_owned()),
        Magic::Fuse => {
            let dir = dir.canonicalize()?;
            let mountinfo = std::fs::read_to_string("/proc/self/mountinfo")?;
            mount_type_of(&mountinfo, &dir).map_or(FileSystemKind::Local, classify_fuse_type)
        }
    })
}

/// Elsewhere SMB and NFS shares are drive letters and mounts this check does not read yet:
/// every folder counts as local.
#[cfg(not(target_os = "linux"))]
pub fn file_system_of(_dir: &Path) -> std::io::Result<FileSystemKind> {
    Ok(FileSystemKind::Local)
}

/// The type of the mount holding `dir` (the longest mount point above it) in a
/// /proc/self/mountinfo text: `36 35 98:0 / /mnt rw - fuse.sshfs host:/ rw`.
pub fn mount_type_of<'a>(mountinfo: &'a str, dir: &Path) -> Option<&'a str> {
    mountinfo
        .lines()
        .filter_map(|line| {
            let (mount, rest) = line.split_once(" - ")?;
            let mount_point = unescape(mount.split(' ').nth(4)?);
            let fs_type = rest.split(' ').next()?;
            dir.starts_with(&mount_point).then_some((mount_point.len(), fs_type))
        })
        .max_by_key(|(length, _)| *length)
        .map(|(_, fs_type)| fs_type)
}

/// mountinfo writes space, tab, newline and backslash in paths as octal escapes (`\040`).
fn unescape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut rest = field;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let code = rest.get(at + 1..at + 4).and_then(|digits| u8::from_str_radix(digits, 8).ok());
        match code {
            Some(byte) => {
                out.push(char::from(byte));
                rest = &rest[at + 4..];
            }
            None => {
                out.push('\\');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_magic_numbers_are_network_and_disk_ones_local() {
        assert_eq!(classify_magic(0x6969), Magic::Network("NFS"));
        assert_eq!(classify_magic(0xFF53_4D42), Magic::Network("SMB/CIFS"));
        assert_eq!(classify_magic(0xFE53_4D42), Magic::Network("SMB2"));
        assert_eq!(classify_magic(0x0102_1997), Magic::Network("9p"));
        assert_eq!(classify_magic(0xEF53), Magic::Local, "ext4");
        assert_eq!(classify_magic(0x0102_1994), Magic::Local, "tmpfs");
        assert_eq!(classify_magic(0x9123_683E), Magic::Local, "btrfs");
        assert_eq!(classify_magic(0x794C_7630), Magic::Local, "overlayfs, as in containers");
        assert_eq!(classify_magic(0x6573_5546), Magic::Fuse);
    }

    #[test]
    fn a_fuse_mount_is_network_by_its_subtype() {
        assert_eq!(classify_fuse_type("fuse.sshfs"), FileSystemKind::Network("sshfs".into()));
        assert_eq!(classify_fuse_type("fuse.gvfsd-fuse"), FileSystemKind::Network("gvfsd-fuse".into()));
        assert_eq!(classify_fuse_type("fuseblk"), FileSystemKind::Local, "ntfs-3g on a USB disk");
        assert_eq!(classify_fuse_type("fuse.ntfs-3g"), FileSystemKind::Local);
    }

    #[test]
    fn the_longest_mount_point_above_the_folder_decides() {
        let mountinfo = "\
22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw
40 22 0:35 / /home/汤建/共享\\040盘 rw,nosuid - fuse.sshfs server:/data rw
41 22 0:36 / /home/汤建/共享 rw - ext4 /dev/sdb1 rw";
        assert_eq!(mount_type_of(mountinfo, Path::new("/home/汤建/共享 盘/简报")), Some("fuse.sshfs"));
        assert_eq!(mount_type_of(mountinfo, Path::new("/home/汤建/共享/简报")), Some("ext4"));
        assert_eq!(mount_type_of(mountinfo, Path::new("/var/lib")), Some("ext4"));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_temporary_folder_and_the_build_folder_are_local() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        assert_eq!(file_system_of(folder.path()).expect("statfs works"), FileSystemKind::Local);
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert_eq!(file_system_of(here).expect("statfs works"), FileSystemKind::Local);
        let shared_memory = Path::new("/dev/shm");
        if shared_memory.is_dir() {
            assert_eq!(file_system_of(shared_memory).expect("statfs works"), FileSystemKind::Local, "tmpfs");
        }
    }
}
