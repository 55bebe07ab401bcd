// URLs of project images, for both transports: media://project/<path> in Electron (a privileged
// scheme served by main through the path guard) and /media/<path> in browser mode. Each segment
// is encoded on its own, so '/' stays a separator while '%', '#', '?', '\' and spaces inside
// names survive the trip; both servers decode exactly once.
export const MEDIA_SCHEME = 'media';
export const MEDIA_HOST = 'project';
export const BROWSER_MEDIA_PATH = '/media/';

function encodeMediaPath(relPath: string): string {
  return String(relPath).split('/').map(encodeURIComponent).join('/');
}

export function electronMediaUrl(relPath: string): string {
  return `${MEDIA_SCHEME}://${MEDIA_HOST}/${encodeMediaPath(relPath)}`;
}

export function browserMediaUrl(relPath: string): string {
  return `${BROWSER_MEDIA_PATH}${encodeMediaPath(relPath)}`;
}
